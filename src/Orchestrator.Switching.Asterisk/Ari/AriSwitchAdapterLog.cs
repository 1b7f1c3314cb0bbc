using Microsoft.Extensions.Logging;

namespace Orchestrator.Switching.Asterisk.Ari;

internal static partial class AriSwitchAdapterLog
{
    [LoggerMessage(21, LogLevel.Information, "Asterisk ARI adapter ready (generation {Generation}, application {Application}); {Live} live channels, {Tracked} legs tracked")]
    public static partial void Ready(ILogger logger, long generation, string application, int live, int tracked);

    [LoggerMessage(22, LogLevel.Warning, "Asterisk ARI adapter lost its events socket (generation {Generation}): {Reason}")]
    public static partial void Disconnected(ILogger logger, long generation, string? reason);

    [LoggerMessage(23, LogLevel.Warning, "Asterisk ARI adapter could not list live channels after reconnect (attempt {Attempt} of {Attempts}): {Reason}")]
    public static partial void ResyncFailed(ILogger logger, int attempt, int attempts, string reason);

    [LoggerMessage(24, LogLevel.Warning, "Originate of leg {Leg} has an unknown outcome: {Reason}; it is NOT resent, the next events or the resync settle it")]
    public static partial void OriginateOutcomeUnknown(ILogger logger, LegId leg, string reason);

    [LoggerMessage(25, LogLevel.Warning, "Asterisk ARI adapter could not {Action}: {Reason}")]
    public static partial void FollowUpFailed(ILogger logger, string action, string reason);
}
