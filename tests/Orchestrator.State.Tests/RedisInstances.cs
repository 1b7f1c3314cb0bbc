using Orchestrator.State.Redis;
using Orchestrator.TestSupport;

namespace Orchestrator.State.Tests;

/// <summary>Connects Redis stores for one test: every instance uses the test's own key prefix on the shared server.</summary>
internal sealed class RedisInstances(RedisServerFixture redis)
{
    public string KeyPrefix { get; } = $"test:{Guid.NewGuid():N}:";

    public async Task<IStateStore> ConnectAsync(TimeProvider time) =>
        await RedisStateStore.ConnectAsync(Options(redis.ConnectionString, KeyPrefix), time);

    public static RedisStateStoreOptions Options(string connectionString, string keyPrefix) => new()
    {
        ConnectionString = connectionString,
        KeyPrefix = keyPrefix,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        OperationTimeout = TimeSpan.FromSeconds(5),
    };
}
