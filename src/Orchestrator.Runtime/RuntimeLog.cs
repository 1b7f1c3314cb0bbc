using Microsoft.Extensions.Logging;
using Orchestrator.Core.Attempts;
using Orchestrator.Core.Compliance;
using Orchestrator.Switching;

namespace Orchestrator.Runtime;

internal static partial class RuntimeLog
{
    [LoggerMessage(100, LogLevel.Information, "Campaign {CampaignId} ({Name}) started in {Mode} mode on {Instance}")]
    public static partial void CampaignStarted(ILogger logger, long campaignId, string name, Core.Campaigns.DialMode mode, string instance);

    [LoggerMessage(101, LogLevel.Information, "Campaign {CampaignId} stopped")]
    public static partial void CampaignStopped(ILogger logger, long campaignId);

    [LoggerMessage(102, LogLevel.Information, "Campaign {CampaignId} waits: {Reason}")]
    public static partial void CampaignWaiting(ILogger logger, long campaignId, string reason);

    [LoggerMessage(103, LogLevel.Debug, "Campaign {CampaignId}: lead {LeadId} blocked by {Block}")]
    public static partial void LeadBlocked(ILogger logger, long campaignId, long leadId, ComplianceBlock block);

    [LoggerMessage(104, LogLevel.Warning, "Campaign {CampaignId}: originate of attempt {Attempt} failed: {Reason}")]
    public static partial void OriginateFailed(ILogger logger, long campaignId, AttemptId attempt, string reason);

    [LoggerMessage(105, LogLevel.Warning, "Campaign {CampaignId}: originate of attempt {Attempt} has an unknown outcome ({Reason}); not retried, reconciled after reconnect")]
    public static partial void OriginateUnknown(ILogger logger, long campaignId, AttemptId attempt, string reason);

    [LoggerMessage(106, LogLevel.Information, "Campaign {CampaignId}: attempt {Attempt} abandoned after {Waited} without a free agent; safe-harbor message played")]
    public static partial void CallAbandoned(ILogger logger, long campaignId, AttemptId attempt, TimeSpan waited);

    [LoggerMessage(107, LogLevel.Warning, "Campaign {CampaignId}: bridging attempt {Attempt} to agent {AgentId} failed: {Reason}")]
    public static partial void BridgeFailed(ILogger logger, long campaignId, AttemptId attempt, long agentId, string reason);

    [LoggerMessage(108, LogLevel.Error, "Campaign {CampaignId}: error while handling {Message}")]
    public static partial void RunnerError(ILogger logger, Exception error, long campaignId, string message);

    [LoggerMessage(109, LogLevel.Warning, "Campaign {CampaignId}: attempt {Attempt} ended while we were disconnected from the switch")]
    public static partial void CallReconciled(ILogger logger, long campaignId, AttemptId attempt);

    [LoggerMessage(110, LogLevel.Information, "Agent {Login} logged into campaign {CampaignId}")]
    public static partial void AgentLoggedIn(ILogger logger, string login, long campaignId);

    [LoggerMessage(111, LogLevel.Information, "Agent {Login}: leg {Leg} up")]
    public static partial void AgentLegUp(ILogger logger, string login, LegId leg);

    [LoggerMessage(112, LogLevel.Warning, "Agent {Login}: leg {Leg} down ({Cause})")]
    public static partial void AgentLegDown(ILogger logger, string login, LegId leg, string? cause);

    [LoggerMessage(113, LogLevel.Warning, "Agent {Login}: could not call the agent's phone: {Reason}")]
    public static partial void AgentLegFailed(ILogger logger, string login, string reason);

    [LoggerMessage(114, LogLevel.Debug, "Switch event for unknown leg {Leg} ignored")]
    public static partial void UnknownLeg(ILogger logger, LegId leg);

    [LoggerMessage(115, LogLevel.Error, "Runtime event pump failed")]
    public static partial void PumpFailed(ILogger logger, Exception error);

    [LoggerMessage(116, LogLevel.Warning, "Agent {Login}: hung up {Leg} ({Channel}), a leg left on the switch by an earlier run or an earlier leg, which held the agent's phone")]
    public static partial void LeftoverLegHungUp(ILogger logger, string login, LegId leg, string channel);

    [LoggerMessage(117, LogLevel.Warning, "Agent {Login}: could not hang up the leftover leg {Leg}: {Reason}")]
    public static partial void LeftoverLegHangupFailed(ILogger logger, string login, LegId leg, string reason);

    [LoggerMessage(118, LogLevel.Warning, "Agent {AgentId}: could not list the switch's channels to find leftover legs: {Reason}")]
    public static partial void LeftoverCheckFailed(ILogger logger, long agentId, string reason);

    [LoggerMessage(119, LogLevel.Error, "Campaign {CampaignId}: could not write the end of attempt {Attempt}; kept, retried every tick ({Unwritten} waiting)")]
    public static partial void EndingNotWritten(ILogger logger, Exception error, long campaignId, AttemptId attempt, int unwritten);

    [LoggerMessage(120, LogLevel.Warning, "Agent {Login}: {Leg}, a leg left by an earlier run, is in a call (bridge {Bridge}); left alone until the call is over")]
    public static partial void LeftoverLegInACall(ILogger logger, string login, LegId leg, string bridge);

    [LoggerMessage(121, LogLevel.Debug, "Campaign {CampaignId}: the end of attempt {Attempt} still cannot be written: {Reason}")]
    public static partial void EndingStillNotWritten(ILogger logger, long campaignId, AttemptId attempt, string reason);

    [LoggerMessage(122, LogLevel.Information, "Campaign {CampaignId}: the end of attempt {Attempt} was written after all")]
    public static partial void EndingWrittenLate(ILogger logger, long campaignId, AttemptId attempt);

    [LoggerMessage(123, LogLevel.Warning, "Agent {AgentId}: logout at shutdown failed: {Reason}")]
    public static partial void ShutdownLogoutFailed(ILogger logger, long agentId, string reason);
}
