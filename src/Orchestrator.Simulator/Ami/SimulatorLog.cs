using Microsoft.Extensions.Logging;

namespace Orchestrator.Simulator.Ami;

/// <summary>The simulator's log messages.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(1, LogLevel.Information, "AMI simulator listening on 127.0.0.1:{Port}")]
    public static partial void Listening(ILogger logger, int port);

    [LoggerMessage(2, LogLevel.Debug, "AMI session {SessionId} connected from port {RemotePort}")]
    public static partial void SessionOpened(ILogger logger, long sessionId, int remotePort);

    [LoggerMessage(3, LogLevel.Debug, "AMI session {SessionId} closed: {Reason}")]
    public static partial void SessionClosed(ILogger logger, long sessionId, string reason);

    [LoggerMessage(4, LogLevel.Warning, "AMI session {SessionId} skipped a bad frame ({Error}): {Detail}")]
    public static partial void BadFrame(ILogger logger, long sessionId, string error, string? detail);

    [LoggerMessage(5, LogLevel.Error, "AMI session {SessionId}: action {Action} failed")]
    public static partial void ActionFailed(ILogger logger, Exception exception, long sessionId, string action);

    [LoggerMessage(6, LogLevel.Warning, "No lab recording replays {Behaviour} into {Context},{Exten}; the Originate fails")]
    public static partial void NoLabTemplate(ILogger logger, string behaviour, string context, string exten);

    [LoggerMessage(7, LogLevel.Information, "AMI simulator restarting: {Sessions} sessions dropped, {Channels} channels forgotten, down for {Downtime}")]
    public static partial void Restarting(ILogger logger, int sessions, int channels, TimeSpan downtime);

    [LoggerMessage(8, LogLevel.Warning, "AMI accept loop failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);
}
