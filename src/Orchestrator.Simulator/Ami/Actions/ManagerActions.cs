using System.Globalization;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Client;

namespace Orchestrator.Simulator.Ami.Actions;

/// <summary>The manager's own actions: Login, Challenge, Logoff, Events, Ping, CoreSettings, CoreStatus.</summary>
internal static class ManagerActions
{
    public static async Task LoginAsync(ActionContext ctx)
    {
        var simulator = ctx.Simulator;
        var core = simulator.Core;
        var session = ctx.Session;
        if (session.Authenticated)
        {
            ctx.Success("Already authenticated");
            return;
        }

        var options = simulator.Options;
        var username = ctx["Username"] ?? string.Empty;
        var md5 = string.Equals(ctx["AuthType"], "MD5", StringComparison.OrdinalIgnoreCase);
        var key = ctx["Key"];
        var knownUser = username == options.Username;
        var passwordOk = md5
            ? session.Challenge is { } challenge && string.Equals(key, AmiLogin.Md5Key(challenge, options.Secret), StringComparison.OrdinalIgnoreCase)
            : ctx["Secret"] == options.Secret;
        if (!knownUser || !passwordOk)
        {
            // The delay exists before anyone can see the failure, so a test's fake clock cannot outrun it.
            var delay = Task.Delay(options.AuthFailureDelay, simulator.Time, session.Stopping);
            lock (core.Gate)
            {
                core.Counters.LoginFailed();
                core.Emit(knownUser
                    ? ServerEvents.InvalidPassword(session, core.Time.GetUtcNow(), username, md5 ? session.Challenge : null, md5 ? key : null)
                    : ServerEvents.InvalidAccountId(session, core.Time.GetUtcNow(), username));
            }

            await delay.ConfigureAwait(false);
            ctx.Error("Authentication failed");
            session.CloseAfterFlush("authentication failed");
            return;
        }

        lock (core.Gate)
        {
            session.Username = username;
            session.Filter = EventFilter.Parse(ctx["Events"]);
            session.Authenticated = true;
            ctx.Success("Authentication accepted");
            if (session.Filter.Allows("system"))
            {
                var uptime = (long)(core.Time.GetLocalNow() - core.StartedAt + simulator.UptimeOffset).TotalSeconds;
                session.Send(ServerEvents.FullyBooted(uptime, uptime));
            }

            core.Emit(ServerEvents.SuccessfulAuth(session, core.Time.GetUtcNow()));
        }
    }

    public static Task Challenge(ActionContext ctx)
    {
        if (!string.Equals(ctx["AuthType"], "MD5", StringComparison.OrdinalIgnoreCase))
        {
            ctx.Error("Must specify AuthType");
            return Task.CompletedTask;
        }

        lock (ctx.Simulator.Core.Gate)
        {
            ctx.Session.Challenge ??= ctx.Simulator.Core.Ids.NextChallenge();
        }

        ctx.Reply(AmiReplies.Start("Success", ctx.ActionId).Add("Challenge", ctx.Session.Challenge).Build());
        return Task.CompletedTask;
    }

    public static Task Logoff(ActionContext ctx)
    {
        ctx.Reply(AmiReplies.Goodbye(ctx.ActionId));
        ctx.Session.CloseAfterFlush("logoff");
        return Task.CompletedTask;
    }

    public static Task Events(ActionContext ctx)
    {
        var filter = EventFilter.Parse(ctx["EventMask"] ?? string.Empty);
        lock (ctx.Simulator.Core.Gate)
        {
            ctx.Session.Filter = filter;
            ctx.Reply(AmiReplies.Start("Success", ctx.ActionId).Add("Events", filter.IsOn ? "On" : "Off").Build());
        }

        return Task.CompletedTask;
    }

    public static Task Ping(ActionContext ctx)
    {
        var now = ctx.Simulator.Time.GetUtcNow();
        var micros = (now.Ticks % TimeSpan.TicksPerSecond) / 10;
        var timestamp = string.Create(CultureInfo.InvariantCulture, $"{now.ToUnixTimeSeconds()}.{micros:D6}");
        ctx.Reply(AmiReplies.Start("Success", ctx.ActionId).Add("Ping", "Pong").Add("Timestamp", timestamp).Build());
        return Task.CompletedTask;
    }

    public static Task CoreSettings(ActionContext ctx)
    {
        ctx.Reply(AmiReplies.Start("Success", ctx.ActionId)
            .Add("AMIversion", "11.0.0")
            .Add("AsteriskVersion", ctx.Simulator.Options.AsteriskVersion)
            .Add("SystemName", string.Empty)
            .Add("CoreMaxCalls", "500")
            .Add("CoreMaxLoadAvg", "0.000000")
            .Add("CoreRunUser", string.Empty)
            .Add("CoreRunGroup", string.Empty)
            .Add("CoreMaxFilehandles", "0")
            .Add("CoreRealTimeEnabled", "No")
            .Add("CoreCDRenabled", "Yes")
            .Add("CoreHTTPenabled", "No")
            .Add("SoundsSearchCustomDir", "No")
            .Build());
        return Task.CompletedTask;
    }

    public static Task CoreStatus(ActionContext ctx)
    {
        var core = ctx.Simulator.Core;
        AmiMessage reply;
        lock (core.Gate)
        {
            var started = core.StartedAt - ctx.Simulator.UptimeOffset;
            var calls = core.Channels.All.Select(c => c.Linkedid).Distinct(StringComparer.Ordinal).Count();
            reply = AmiReplies.Start("Success", ctx.ActionId)
                .Add("CoreStartupDate", started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Add("CoreStartupTime", started.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
                .Add("CoreReloadDate", started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Add("CoreReloadTime", started.ToString("HH:mm:ss", CultureInfo.InvariantCulture))
                .Add("CoreCurrentCalls", calls.ToString(CultureInfo.InvariantCulture))
                .Add("CoreProcessedCalls", core.Counters.OriginatesReceived.ToString(CultureInfo.InvariantCulture))
                .Build();
        }

        ctx.Reply(reply);
        return Task.CompletedTask;
    }
}
