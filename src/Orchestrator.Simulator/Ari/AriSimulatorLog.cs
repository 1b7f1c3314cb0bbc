using Microsoft.Extensions.Logging;

namespace Orchestrator.Simulator.Ari;

/// <summary>The ARI simulator's log messages.</summary>
internal static partial class AriSimulatorLog
{
    [LoggerMessage(101, LogLevel.Information, "ARI simulator listening on 127.0.0.1:{Port}")]
    public static partial void Listening(ILogger logger, int port);

    [LoggerMessage(102, LogLevel.Warning, "ARI simulator refused {Method} {Path} with 401: {Failure}")]
    public static partial void Unauthorized(ILogger logger, string method, string path, string failure);

    [LoggerMessage(103, LogLevel.Debug, "ARI events socket {Connection} opened for {Applications}")]
    public static partial void SocketOpened(ILogger logger, long connection, string applications);

    [LoggerMessage(104, LogLevel.Debug, "ARI events socket {Connection} closed")]
    public static partial void SocketClosed(ILogger logger, long connection);

    [LoggerMessage(105, LogLevel.Information, "ARI simulator restarting: {Connections} connections dropped, {Channels} channels forgotten, down for {Downtime}, then starting for {Starting}")]
    public static partial void Restarting(ILogger logger, int connections, int channels, TimeSpan downtime, TimeSpan starting);

    [LoggerMessage(106, LogLevel.Warning, "ARI simulator accept loop failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(107, LogLevel.Error, "ARI simulator failed to answer {Request}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string request);
}
