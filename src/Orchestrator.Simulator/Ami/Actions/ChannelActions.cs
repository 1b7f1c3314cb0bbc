using System.Globalization;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Ami.Actions;

/// <summary>Actions on one channel: Hangup, Redirect, Setvar, Getvar, MixMonitor, StopMixMonitor.</summary>
internal static class ChannelActions
{
    private const string SpoolMonitorDirectory = "/var/spool/asterisk/monitor/";

    public static Task Hangup(ActionContext ctx)
    {
        var name = ctx["Channel"];
        if (string.IsNullOrEmpty(name))
        {
            ctx.Error("No channel specified");
            return Task.CompletedTask;
        }

        var cause = int.TryParse(ctx["Cause"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : HangupCauses.NormalClearing;
        WithChannel(ctx, name, "No such channel", channel =>
        {
            // The response goes first; the hangup's events follow it on this session.
            ctx.Success("Channel Hungup");
            channel.Owner?.Hangup(channel, cause);
        });
        return Task.CompletedTask;
    }

    public static Task Redirect(ActionContext ctx)
    {
        var name = ctx["Channel"];
        var (context, exten, priority) = (ctx["Context"], ctx["Exten"], ctx["Priority"]);
        if (string.IsNullOrEmpty(name))
        {
            ctx.Error("Channel not specified");
            return Task.CompletedTask;
        }

        if (string.IsNullOrEmpty(context))
        {
            ctx.Error("Context not specified");
            return Task.CompletedTask;
        }

        if (string.IsNullOrEmpty(exten))
        {
            ctx.Error("Exten not specified");
            return Task.CompletedTask;
        }

        if (string.IsNullOrEmpty(priority))
        {
            ctx.Error("Priority not specified");
            return Task.CompletedTask;
        }

        if (!int.TryParse(priority, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) || p < 1)
        {
            ctx.Error("Priority is invalid");
            return Task.CompletedTask;
        }

        var core = ctx.Simulator.Core;
        lock (core.Gate)
        {
            if (core.Channels.Find(name) is not { Owner: { } owner } channel)
            {
                ctx.Error($"Channel does not exist: {name}");
                return Task.CompletedTask;
            }

            ctx.Session.Hold();
            var error = owner.Redirect(channel, context, exten, priority);
            if (error is null)
            {
                ctx.Success("Redirect successful");
            }
            else
            {
                ctx.Error(error);
            }

            ctx.Session.Release();
        }

        return Task.CompletedTask;
    }

    public static Task Setvar(ActionContext ctx)
    {
        var variable = ctx["Variable"];
        if (string.IsNullOrEmpty(variable))
        {
            ctx.Error("No variable specified");
            return Task.CompletedTask;
        }

        var value = ctx["Value"] ?? string.Empty;
        var name = ctx["Channel"];
        var core = ctx.Simulator.Core;
        if (string.IsNullOrEmpty(name))
        {
            lock (core.Gate)
            {
                ctx.Simulator.GlobalVariables[variable] = value;
            }

            ctx.Success("Variable Set");
            return Task.CompletedTask;
        }

        WithChannel(ctx, name, "No such channel", channel =>
        {
            ctx.Success("Variable Set");
            channel.SetVariable(variable, value);
            core.Emit(ChannelEvents.VarSet(channel, variable, value), channel.Owner);
        });
        return Task.CompletedTask;
    }

    public static Task Getvar(ActionContext ctx)
    {
        var variable = ctx["Variable"];
        if (string.IsNullOrEmpty(variable))
        {
            ctx.Error("No variable specified");
            return Task.CompletedTask;
        }

        var name = ctx["Channel"];
        var core = ctx.Simulator.Core;
        if (string.IsNullOrEmpty(name))
        {
            string? global;
            lock (core.Gate)
            {
                global = ctx.Simulator.GlobalVariables.GetValueOrDefault(variable);
            }

            ReplyVariable(ctx, variable, global);
            return Task.CompletedTask;
        }

        WithChannel(ctx, name, "No such channel", channel => ReplyVariable(ctx, variable, channel.GetVariable(variable)));
        return Task.CompletedTask;
    }

    public static Task MixMonitor(ActionContext ctx)
    {
        var name = ctx["Channel"];
        if (string.IsNullOrEmpty(name))
        {
            ctx.Error("No channel specified");
            return Task.CompletedTask;
        }

        var file = ctx["File"] ?? string.Empty;
        WithChannel(ctx, name, "No such channel", channel =>
        {
            ctx.Success();
            var path = file.StartsWith('/') ? file : SpoolMonitorDirectory + file;
            channel.SetVariable("MIXMONITOR_FILENAME", path);
            ctx.Simulator.Core.Emit(ChannelEvents.VarSet(channel, "MIXMONITOR_FILENAME", path), channel.Owner);
            ctx.Simulator.Core.Emit(ChannelEvents.MixMonitorStart(channel), channel.Owner);
        });
        return Task.CompletedTask;
    }

    public static Task StopMixMonitor(ActionContext ctx)
    {
        var name = ctx["Channel"];
        if (string.IsNullOrEmpty(name))
        {
            ctx.Error("No channel specified");
            return Task.CompletedTask;
        }

        WithChannel(ctx, name, "No such channel", channel =>
        {
            ctx.Success();
            ctx.Simulator.Core.Emit(ChannelEvents.MixMonitorStop(channel), channel.Owner);
        });
        return Task.CompletedTask;
    }

    private static void ReplyVariable(ActionContext ctx, string variable, string? value) =>
        ctx.Reply(AmiReplies.Start("Success", ctx.ActionId).Add("Variable", variable).Add("Value", value ?? string.Empty).Build());

    /// <summary>Runs <paramref name="act"/> on the named channel under the gate, or answers <paramref name="missing"/>.</summary>
    private static void WithChannel(ActionContext ctx, string name, string missing, Action<SimChannel> act)
    {
        var core = ctx.Simulator.Core;
        lock (core.Gate)
        {
            if (core.Channels.Find(name) is { } channel)
            {
                act(channel);
            }
            else
            {
                ctx.Error(missing);
            }
        }
    }
}
