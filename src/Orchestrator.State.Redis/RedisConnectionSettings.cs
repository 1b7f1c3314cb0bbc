using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

/// <summary>Turns <see cref="RedisStateStoreOptions"/> into StackExchange.Redis settings suited to a dialer's state.</summary>
internal static class RedisConnectionSettings
{
    public static ConfigurationOptions Create(RedisStateStoreOptions options, ILoggerFactory? loggerFactory)
    {
        var settings = ConfigurationOptions.Parse(options.ConnectionString);

        // Start even when Redis is down and keep reconnecting; readiness and PingAsync report the outage.
        settings.AbortOnConnectFail = false;
        settings.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        settings.SyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        settings.AsyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;

        // Fail fast while disconnected instead of queueing: a queued mutation could run long after its caller gave
        // up and decided what to do next (a reservation the pacer no longer knows about, say).
        settings.BacklogPolicy = BacklogPolicy.FailFast;
        settings.ClientName ??= "orchestrator";
        if (loggerFactory is not null)
        {
            settings.LoggerFactory = loggerFactory;
        }

        return settings;
    }
}
