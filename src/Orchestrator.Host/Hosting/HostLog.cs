using Microsoft.Extensions.Logging;

namespace Orchestrator.Host;

/// <summary>The host's log lines, in one place.</summary>
internal static partial class HostLog
{
    [LoggerMessage(1000, LogLevel.Information, "SQLite database {Path}: {Applied} migration(s) applied, schema up to date")]
    public static partial void SqliteMigrated(ILogger logger, string path, int applied);

    [LoggerMessage(1001, LogLevel.Information, "SQL Server: the host never applies migrations; apply them with the generated script before starting (see docs/data.md)")]
    public static partial void SqlServerNotMigrated(ILogger logger);

    [LoggerMessage(1002, LogLevel.Information, "Embedded Asterisk simulator listening on 127.0.0.1:{Port} (outcome model {Model}); connecting over AMI")]
    public static partial void SimulatorListening(ILogger logger, int port, string model);

    [LoggerMessage(1003, LogLevel.Information, "Outbound Orchestrator is up. Wallboard: {Url}  API: {Url}openapi/v1.json  Health: {Url}health/ready")]
    public static partial void Started(ILogger logger, string url);

    [LoggerMessage(1010, LogLevel.Information, "Demo: seeded project {ProjectId}, campaign {CampaignId}, {Agents} agents ({State})")]
    public static partial void DemoSeeded(ILogger logger, long projectId, long campaignId, int agents, string state);

    [LoggerMessage(1099, LogLevel.Information, "Embedded Asterisk simulator listening on 127.0.0.1:{Port} for ARI (outcome model {Model}); connecting over REST and the events WebSocket")]
    public static partial void AriSimulatorListening(ILogger logger, int port, string model);

    [LoggerMessage(1011, LogLevel.Information, "Demo: trunk '{Trunk}' now dials {Template} (the simulator's dialplan matches digits only)")]
    public static partial void DemoTrunkAdjusted(ILogger logger, string trunk, string template);

    [LoggerMessage(1012, LogLevel.Information, "Demo: {Agents} simulated agents logged into campaign {CampaignId}; running {Duration}")]
    public static partial void DemoRunning(ILogger logger, int agents, long campaignId, string duration);

    [LoggerMessage(1013, LogLevel.Warning, "Demo: agent {AgentId} could not log in: {Reason}")]
    public static partial void DemoLoginFailed(ILogger logger, long agentId, string reason);

    [LoggerMessage(1014, LogLevel.Debug, "Demo: agent {AgentId} gave {Code} for attempt {Attempt} after {Wrap} of wrap-up")]
    public static partial void DemoDisposition(ILogger logger, long agentId, string code, string attempt, TimeSpan wrap);

    [LoggerMessage(1015, LogLevel.Warning, "Demo: disposition {Code} of agent {AgentId} for attempt {Attempt} refused: {Reason}")]
    public static partial void DemoDispositionRefused(ILogger logger, long agentId, string code, string attempt, string reason);

    [LoggerMessage(1016, LogLevel.Information, "Demo: {Minutes} minute(s) are up; stopping")]
    public static partial void DemoTimeUp(ILogger logger, double minutes);

    [LoggerMessage(1017, LogLevel.Warning, "Demo: the switch is still {State} after {Waited}; logging the agents in anyway (their phones are retried)")]
    public static partial void DemoSwitchNotReady(ILogger logger, string state, TimeSpan waited);

    [LoggerMessage(1018, LogLevel.Error, "Demo: the summary could not be computed")]
    public static partial void DemoSummaryFailed(ILogger logger, Exception exception);

    [LoggerMessage(1020, LogLevel.Information, "Schedule of campaign {CampaignId}: {Triggers} trigger(s), next start {NextStart}, next stop {NextStop}")]
    public static partial void CampaignScheduled(ILogger logger, long campaignId, int triggers, string nextStart, string nextStop);

    [LoggerMessage(1021, LogLevel.Information, "Scheduled {Action} of campaign {CampaignId}")]
    public static partial void ScheduledAction(ILogger logger, string action, long campaignId);

    [LoggerMessage(1022, LogLevel.Warning, "Scheduled {Action} of campaign {CampaignId} failed: {Reason}")]
    public static partial void ScheduledActionFailed(ILogger logger, string action, long campaignId, string reason);

    [LoggerMessage(1023, LogLevel.Warning, "Schedule of campaign {CampaignId} skipped: {Reason}")]
    public static partial void ScheduleSkipped(ILogger logger, long campaignId, string reason);

    [LoggerMessage(1030, LogLevel.Warning, "Wallboard push failed: {Reason}")]
    public static partial void PushFailed(ILogger logger, string reason);
}
