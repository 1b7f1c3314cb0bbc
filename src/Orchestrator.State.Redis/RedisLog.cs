using System.Net;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

internal static partial class RedisLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Redis state store unavailable during {Operation}{Where}")]
    public static partial void Unavailable(ILogger logger, string operation, string where, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Redis state store connecting to {Endpoints} with key prefix '{KeyPrefix}'")]
    public static partial void Connecting(ILogger logger, string endpoints, string keyPrefix);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Redis state store lost its connection to {Endpoint} ({FailureType})")]
    public static partial void ConnectionFailed(ILogger logger, EndPoint? endpoint, ConnectionFailureType failureType, Exception? exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Redis state store reconnected to {Endpoint}")]
    public static partial void ConnectionRestored(ILogger logger, EndPoint? endpoint);
}
