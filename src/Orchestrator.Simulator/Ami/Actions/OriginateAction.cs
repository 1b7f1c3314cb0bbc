using System.Globalization;
using Orchestrator.Simulator.Dialplan;
using Orchestrator.Simulator.Engine;
using Orchestrator.Simulator.Lab;

namespace Orchestrator.Simulator.Ami.Actions;

/// <summary>
/// Originate, validated in manager.c's order and with its messages. The call goes to the orchestrator
/// dialplan (outcome model) when its context is one of <c>extensions_orchestrator.conf</c>'s, to a replayed lab
/// recording when it dials <c>Local/…@sim-customers</c>, and fails like an unreachable endpoint otherwise.
/// </summary>
internal static class OriginateAction
{
    public static async Task HandleAsync(ActionContext ctx)
    {
        var simulator = ctx.Simulator;
        var core = simulator.Core;
        core.Counters.OriginateReceived();
        if (Validate(ctx) is not { } request)
        {
            return;
        }

        if (request.Async)
        {
            lock (core.Gate)
            {
                ctx.Success("Originate successfully queued");
                Start(simulator, request, completion: null);
            }

            return;
        }

        if (request.Context.Length == 0 || request.Exten.Length == 0 || request.Priority.Length == 0)
        {
            ctx.Error(request.Application.Length > 0 ? "Originate failed" : "Originate with 'Exten' requires 'Context' and 'Priority'");
            return;
        }

        // Synchronous: the session is busy until the call is answered or fails; its events wait behind the response.
        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (core.Gate)
        {
            ctx.Session.Hold();
            Start(simulator, request, completion);
        }

        var succeeded = await completion.Task.ConfigureAwait(false);
        lock (core.Gate)
        {
            if (succeeded)
            {
                ctx.Success("Originate successfully queued");
            }
            else
            {
                ctx.Error("Originate failed");
            }

            ctx.Session.Release();
        }
    }

    private static OriginateRequest? Validate(ActionContext ctx)
    {
        var channel = ctx["Channel"] ?? string.Empty;
        var context = ctx["Context"] ?? string.Empty;
        var exten = ctx["Exten"] ?? string.Empty;
        var priority = ctx["Priority"] ?? string.Empty;
        if (channel.Length == 0)
        {
            ctx.Error("Channel not specified");
            return null;
        }

        var numericPriority = 0;
        if (priority.Length > 0 && !int.TryParse(priority, NumberStyles.Integer, CultureInfo.InvariantCulture, out numericPriority))
        {
            ctx.Error("Invalid priority");
            return null;
        }

        if (!OriginateRequest.TryParseTimeout(ctx["Timeout"], out var timeout))
        {
            ctx.Error("Invalid timeout");
            return null;
        }

        if (DialString.Parse(channel) is not { } dial)
        {
            ctx.Error("Invalid channel");
            return null;
        }

        if (context.Length > 0 && exten.Length > 0 && numericPriority > 0 && !KnownDialplan.Exists(context, exten))
        {
            ctx.Error("Extension does not exist.");
            return null;
        }

        var (name, num) = OriginateRequest.ParseCallerId(ctx["CallerID"]);
        return new OriginateRequest
        {
            Dial = dial,
            Action = ctx.Action,
            ActionId = ctx.ActionId,
            Context = context,
            Exten = exten,
            Priority = priority,
            Application = ctx["Application"] ?? string.Empty,
            Timeout = timeout,
            Async = IsTrue(ctx["Async"]),
            CallerIdName = name,
            CallerIdNum = num,
            Account = ctx["Account"] ?? string.Empty,
            ChannelId = NullIfEmpty(ctx["ChannelId"]),
            OtherChannelId = NullIfEmpty(ctx["OtherChannelId"]),
            Variables = OriginateRequest.ParseVariables(ctx.Action),
        };
    }

    /// <summary>Starts the call under the gate, after the response to an async Originate is queued.</summary>
    private static void Start(AsteriskAmiSimulator simulator, OriginateRequest request, TaskCompletionSource<bool>? completion)
    {
        var core = simulator.Core;
        var options = simulator.Options;
        var timings = new SimulatorTimings(options.CustomerParkLimit, options.SafeHarborPlayback, options.AgentAnswerDelay);
        if (request.Application.Length == 0 && request.Dial.IsKnownTechnology)
        {
            if (request.Context == KnownDialplan.AgentContext)
            {
                AgentLeg.Start(core, request, timings, completion);
                return;
            }

            if (request.Context == KnownDialplan.SpyContext)
            {
                SpyLeg.Start(core, request, timings, completion);
                return;
            }

            if (request.Context == KnownDialplan.CustomerContext)
            {
                var lead = long.TryParse(request.Variable("ORCH_LEAD_INDEX"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                    ? index
                    : core.CustomerOriginates;
                core.CustomerOriginates++;
                var outcome = core.Model.Draw(lead, core.Now - core.StartedAt);
                CustomerLeg.Start(core, request, outcome, timings, completion);
                return;
            }

            if (request.Dial.IsLocal && request.Dial.LocalContext == "sim-customers")
            {
                var behaviour = LabBehaviours.FromNumber(request.Dial.LocalExten);
                var template = LabCatalog.Default.Find(behaviour, request.Context, LabBehaviours.ExtenClass(request.Context, request.Exten), request.Async, options.PreferredLabRecording);
                if (template is not null)
                {
                    LabCall.Start(core, template, request, completion);
                    return;
                }

                SimulatorLog.NoLabTemplate(simulator.Logger, behaviour.ToString(), request.Context, request.Exten);
            }
        }

        // Unknown technology, unregistered endpoint, nothing to run: no channel, Failure reason 0.
        core.Counters.Unreachable();
        if (request.Async)
        {
            core.Emit(ChannelEvents.OriginateResponse(request.ActionId, false, request.Dial.Raw, request.Context, request.Exten, 0, request.ChannelId ?? "<unknown>", request.CallerIdNum ?? "<unknown>", request.CallerIdName ?? "<unknown>"));
        }

        completion?.TrySetResult(false);
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || value == "1" || value.Equals("on", StringComparison.OrdinalIgnoreCase) || value.Equals("y", StringComparison.OrdinalIgnoreCase) || value.Equals("t", StringComparison.OrdinalIgnoreCase));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
