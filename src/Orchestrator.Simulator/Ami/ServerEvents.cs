using System.Globalization;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Ami;

/// <summary>The events of the manager itself: FullyBooted, Shutdown and the security events of logins.</summary>
internal static class ServerEvents
{
    public static AmiMessage FullyBooted(long uptimeSeconds, long lastReloadSeconds) =>
        AmiEventBuilder.Event("FullyBooted", AmiEventBuilder.SystemPrivilege)
            .Add("Uptime", AmiEventBuilder.Int(uptimeSeconds))
            .Add("LastReload", AmiEventBuilder.Int(lastReloadSeconds))
            .Add("Status", "Fully Booted")
            .Build();

    public static AmiMessage Shutdown(bool restart) =>
        AmiEventBuilder.Event("Shutdown", AmiEventBuilder.SystemPrivilege)
            .Add("Shutdown", "Cleanly")
            .Add("Restart", restart ? "True" : "False")
            .Build();

    public static AmiMessage SuccessfulAuth(AmiSession session, DateTimeOffset now) =>
        Security("SuccessfulAuth", "Informational", "1", session, now, session.Username ?? string.Empty)
            .Add("UsingPassword", "0")
            .Add("SessionTV", AmiEventBuilder.EventTv(session.ConnectedAt))
            .Build();

    /// <summary>
    /// A wrong secret for a known user. Asterisk fills SessionTV from a session that never logged in, hence the epoch.
    /// An MD5 attempt also reports the challenge and the hash received.
    /// </summary>
    public static AmiMessage InvalidPassword(AmiSession session, DateTimeOffset now, string username, string? challenge, string? receivedHash)
    {
        var builder = Security("InvalidPassword", "Error", "2", session, now, username).Add("SessionTV", "1970-01-01T00:00:00.000+0000");
        if (challenge is not null)
        {
            builder.Add("Challenge", challenge).Add("ReceivedChallenge", challenge).Add("ReceivedHash", receivedHash ?? string.Empty);
        }

        return builder.Build();
    }

    /// <summary>A login for a user the manager does not know.</summary>
    public static AmiMessage InvalidAccountId(AmiSession session, DateTimeOffset now, string username) =>
        Security("InvalidAccountID", "Error", "1", session, now, username).Add("SessionTV", "1970-01-01T00:00:00.000+0000").Build();

    private static AmiMessageBuilder Security(string name, string severity, string version, AmiSession session, DateTimeOffset now, string account) =>
        AmiEventBuilder.Event(name, AmiEventBuilder.Security)
            .Add("EventTV", AmiEventBuilder.EventTv(now))
            .Add("Severity", severity)
            .Add("Service", "AMI")
            .Add("EventVersion", version)
            .Add("AccountID", account)
            .Add("SessionID", session.SessionId)
            .Add("LocalAddress", string.Create(CultureInfo.InvariantCulture, $"IPV4/TCP/127.0.0.1/{session.LocalPort}"))
            .Add("RemoteAddress", string.Create(CultureInfo.InvariantCulture, $"IPV4/TCP/127.0.0.1/{session.RemotePort}"));
}
