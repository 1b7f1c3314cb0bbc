using Microsoft.Extensions.Logging;

namespace Orchestrator.Switching.Asterisk.Ami;

internal static partial class AmiSwitchAdapterLog
{
    [LoggerMessage(1, LogLevel.Information, "Asterisk AMI adapter ready (generation {Generation}); {Live} live channels, {Tracked} legs tracked")]
    public static partial void Ready(ILogger logger, long generation, int live, int tracked);

    [LoggerMessage(2, LogLevel.Warning, "Asterisk AMI adapter lost its connection (generation {Generation}): {Reason}")]
    public static partial void Disconnected(ILogger logger, long generation, string? reason);

    [LoggerMessage(3, LogLevel.Warning, "Asterisk AMI adapter could not list live channels after reconnect: {Reason}")]
    public static partial void ResyncFailed(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Originate of leg {Leg} has an unknown outcome: {Reason}; it will be reconciled after reconnect")]
    public static partial void OriginateOutcomeUnknown(ILogger logger, LegId leg, string reason);
}
