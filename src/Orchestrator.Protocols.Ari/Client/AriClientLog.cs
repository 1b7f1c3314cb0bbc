using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ari.Events;

namespace Orchestrator.Protocols.Ari.Client;

internal static partial class AriClientLog
{
    [LoggerMessage(1, LogLevel.Information, "ARI {Endpoint}: events socket open, Stasis app '{Application}' registered (generation {Generation})")]
    public static partial void Ready(ILogger logger, string endpoint, string application, long generation);

    [LoggerMessage(2, LogLevel.Warning, "ARI {Endpoint}: events socket generation {Generation} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string endpoint, long generation, string reason);

    [LoggerMessage(3, LogLevel.Warning, "ARI {Endpoint}: could not open the events socket: {Reason}; retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Error, "ARI {Endpoint}: {Reason}; retrying in {Delay}")]
    public static partial void AuthenticationFailed(ILogger logger, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Information, "ARI {Endpoint}: Asterisk is not ready yet ({Reason}); retrying in {Delay}")]
    public static partial void NotReadyYet(ILogger logger, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Warning, "ARI {Endpoint}: skipped a {Error} event message of {Length} bytes (generation {Generation}): '{Detail}'")]
    public static partial void MessageRejected(ILogger logger, string endpoint, AriMessageError error, long length, long generation, string? detail);

    [LoggerMessage(7, LogLevel.Warning, "ARI {Endpoint}: the event consumer fell behind; {Dropped} events dropped so far (queue capacity {Capacity})")]
    public static partial void EventsDropped(ILogger logger, string endpoint, long dropped, int capacity);

    [LoggerMessage(8, LogLevel.Debug, "ARI {Method} /ari/{Path} failed with {Status}: {Message}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, int status, string? message);
}
