using System.Globalization;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Ami.Actions;

/// <summary>The list actions a client uses to resynchronize: Status, CoreShowChannels, CoreShowChannelMap.</summary>
internal static class ListActions
{
    public static Task Status(ActionContext ctx)
    {
        var core = ctx.Simulator.Core;
        var name = ctx["Channel"];
        var wanted = (ctx["Variables"] ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lock (core.Gate)
        {
            List<SimChannel> channels;
            if (string.IsNullOrEmpty(name))
            {
                channels = [.. core.Channels.All];
            }
            else if (core.Channels.Find(name) is { } one)
            {
                channels = [one];
            }
            else
            {
                ctx.Error("No such channel");
                return Task.CompletedTask;
            }

            ctx.Reply(AmiReplies.ListStart(ctx.ActionId, "Channel status will follow"));
            var now = core.Now;
            foreach (var channel in channels)
            {
                ctx.Reply(StatusEvent(channel, now, wanted, ctx.ActionId));
            }

            var count = channels.Count.ToString(CultureInfo.InvariantCulture);
            ctx.Reply(AmiReplies.ListComplete("StatusComplete", ctx.ActionId, channels.Count).Add("Items", count).Build());
        }

        return Task.CompletedTask;
    }

    public static Task CoreShowChannels(ActionContext ctx)
    {
        var core = ctx.Simulator.Core;
        lock (core.Gate)
        {
            ctx.Reply(AmiReplies.ListStart(ctx.ActionId, "Channels will follow"));
            var now = core.Now;
            foreach (var channel in core.Channels.All)
            {
                var builder = new AmiMessageBuilder().Add(AmiHeaders.Event, "CoreShowChannel");
                if (ctx.ActionId is { } id)
                {
                    builder.Add(AmiHeaders.ActionId, id);
                }

                ctx.Reply(builder.AddChannel(channel)
                    .Add("Application", channel.Application)
                    .Add("ApplicationData", channel.ApplicationData)
                    .Add("Duration", Duration(now - channel.Created))
                    .Add("BridgeId", channel.BridgeId)
                    .Build());
            }

            ctx.Reply(AmiReplies.ListComplete("CoreShowChannelsComplete", ctx.ActionId, core.Channels.Count).Build());
        }

        return Task.CompletedTask;
    }

    /// <summary>The channels connected to one channel. The simulator tracks no such map: the list is empty, as the lab's was.</summary>
    public static Task CoreShowChannelMap(ActionContext ctx)
    {
        var name = ctx["Channel"];
        if (string.IsNullOrEmpty(name))
        {
            ctx.Error("No channel specified");
            return Task.CompletedTask;
        }

        ctx.Reply(AmiReplies.ListStart(ctx.ActionId, "Channel map will follow"));
        ctx.Reply(AmiReplies.ListComplete("CoreShowChannelMapComplete", ctx.ActionId, 0).Build());
        return Task.CompletedTask;
    }

    private static AmiMessage StatusEvent(SimChannel channel, DateTimeOffset now, string[] variables, string? actionId)
    {
        var local = channel.Technology == "Local";
        var format = local ? "slin" : "ulaw";
        var builder = new AmiMessageBuilder().Add(AmiHeaders.Event, "Status").Add("Privilege", "Call").AddChannel(channel)
            .Add("Type", channel.Technology)
            .Add("DNID", string.Empty)
            .Add("EffectiveConnectedLineNum", channel.ConnectedLineNum)
            .Add("EffectiveConnectedLineName", channel.ConnectedLineName)
            .Add("TimeToHangup", "0")
            .Add("BridgeID", channel.BridgeId)
            .Add("Application", channel.Application)
            .Add("Data", channel.ApplicationData)
            .Add("Nativeformats", $"({format})")
            .Add("Readformat", format)
            .Add("Readtrans", string.Empty)
            .Add("Writeformat", format)
            .Add("Writetrans", string.Empty)
            .Add("Callgroup", "0")
            .Add("Pickupgroup", "0")
            .Add("Seconds", AmiEventBuilder.Int((long)Math.Max(0, (now - channel.Created).TotalSeconds)));
        foreach (var variable in variables)
        {
            builder.Add(AmiHeaders.Variable, $"{variable}={channel.GetVariable(variable) ?? string.Empty}");
        }

        if (actionId is not null)
        {
            builder.Add(AmiHeaders.ActionId, actionId);
        }

        return builder.Build();
    }

    private static string Duration(TimeSpan elapsed)
    {
        var seconds = (long)Math.Max(0, elapsed.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}");
    }
}
