using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Ami.Actions;

namespace Orchestrator.Simulator.Ami;

/// <summary>
/// Runs one action the way manager.c's process_message does: missing Action, permission before login,
/// unknown command — then the control surface's faults, then the handler.
/// </summary>
internal sealed class ActionDispatcher
{
    private static readonly string[] AllowedBeforeLogin = ["Login", "Logoff", "Challenge"];

    private readonly Dictionary<string, Func<ActionContext, Task>> _handlers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Login"] = ManagerActions.LoginAsync,
        ["Challenge"] = ManagerActions.Challenge,
        ["Logoff"] = ManagerActions.Logoff,
        ["Events"] = ManagerActions.Events,
        ["Ping"] = ManagerActions.Ping,
        ["CoreSettings"] = ManagerActions.CoreSettings,
        ["CoreStatus"] = ManagerActions.CoreStatus,
        ["Originate"] = OriginateAction.HandleAsync,
        ["Hangup"] = ChannelActions.Hangup,
        ["Redirect"] = ChannelActions.Redirect,
        ["Setvar"] = ChannelActions.Setvar,
        ["Getvar"] = ChannelActions.Getvar,
        ["MixMonitor"] = ChannelActions.MixMonitor,
        ["StopMixMonitor"] = ChannelActions.StopMixMonitor,
        ["Status"] = ListActions.Status,
        ["CoreShowChannels"] = ListActions.CoreShowChannels,
        ["CoreShowChannelMap"] = ListActions.CoreShowChannelMap,
        ["ModuleCheck"] = DialplanActions.ModuleCheck,
        ["ShowDialPlan"] = DialplanActions.ShowDialPlan,
    };

    private readonly AsteriskAmiSimulator _simulator;
    private readonly ILogger _logger;

    public ActionDispatcher(AsteriskAmiSimulator simulator, ILogger logger)
    {
        _simulator = simulator;
        _logger = logger;
    }

    /// <summary>Handles one action. Counts it as dispatched once its synchronous part (which creates its timers) has run.</summary>
    public async Task ProcessAsync(AmiSession session, AmiMessage action)
    {
        var actionId = action.ActionId is { Length: > 0 } id ? id : null;
        var name = action.GetValues(AmiHeaders.Action).FirstOrDefault(v => v.Length > 0);
        var work = RunAsync(session, action, name, actionId);
        _simulator.Core.Counters.ActionDispatched();
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SimulatorLog.ActionFailed(_logger, e, session.Id, name ?? "(none)");
            session.Send(AmiReplies.Error(actionId, "Internal error"));
        }
    }

    private async Task RunAsync(AmiSession session, AmiMessage action, string? name, string? actionId)
    {
        if (name is null)
        {
            session.Send(AmiReplies.Error(actionId, "Missing action in request"));
            return;
        }

        if (!session.Authenticated && !AllowedBeforeLogin.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            session.Send(AmiReplies.Error(actionId, "Permission denied"));
            return;
        }

        if (_simulator.Control.TakeFault(name) is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, _simulator.Time, session.Stopping).ConfigureAwait(false);
            }

            if (fault.FailMessage is { } message)
            {
                session.Send(AmiReplies.Error(actionId, message));
                return;
            }
        }

        if (!_handlers.TryGetValue(name, out var handler))
        {
            session.Send(AmiReplies.Error(actionId, $"Invalid/unknown command: {name}. Use Action: ListCommands to show available commands."));
            return;
        }

        await handler(new ActionContext(session, action, actionId, _simulator)).ConfigureAwait(false);
    }
}
