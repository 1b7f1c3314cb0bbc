using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Protocols.Ami.Client;

internal static partial class AmiClientLog
{
    [LoggerMessage(1, LogLevel.Information, "AMI {Endpoint}: connected (generation {Generation}), server says '{Banner}'")]
    public static partial void Connected(ILogger logger, string endpoint, long generation, string banner);

    [LoggerMessage(2, LogLevel.Information, "AMI {Endpoint}: logged in as '{Username}' ({Authentication}), generation {Generation} ready")]
    public static partial void Ready(ILogger logger, string endpoint, string username, AmiAuthentication authentication, long generation);

    [LoggerMessage(3, LogLevel.Warning, "AMI {Endpoint}: connection generation {Generation} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string endpoint, long generation, string reason);

    [LoggerMessage(4, LogLevel.Warning, "AMI {Endpoint}: could not connect: {Reason}; retrying in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Error, "AMI {Endpoint}: {Reason}; retrying in {Delay}")]
    public static partial void AuthenticationFailed(ILogger logger, string endpoint, string reason, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Warning, "AMI {Endpoint}: skipped a {Error} frame of {Length} bytes (generation {Generation}): '{Detail}'")]
    public static partial void FrameRejected(ILogger logger, string endpoint, AmiFrameError error, long length, long generation, string? detail);

    [LoggerMessage(7, LogLevel.Warning, "AMI {Endpoint}: the event consumer fell behind; {Dropped} events dropped so far (queue capacity {Capacity})")]
    public static partial void EventsDropped(ILogger logger, string endpoint, long dropped, int capacity);

    [LoggerMessage(8, LogLevel.Debug, "AMI {Endpoint}: response for unknown ActionID '{ActionId}' ignored")]
    public static partial void UnmatchedResponse(ILogger logger, string endpoint, string? actionId);

    [LoggerMessage(9, LogLevel.Warning, "AMI {Endpoint}: keepalive failed, dropping generation {Generation}: {Reason}")]
    public static partial void KeepaliveFailed(ILogger logger, string endpoint, long generation, string reason);
}
