using Microsoft.Extensions.Time.Testing;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;
using Orchestrator.State.Redis;
using Orchestrator.TestSupport;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Orchestrator.State.Tests;

/// <summary>What only the Redis store has: a server that can go away, key prefixes, and a key layout for Cluster.</summary>
[Collection(RedisServerFixture.CollectionName)]
public sealed class RedisStateStoreTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Server_IsARealRedisRecentEnoughForTheScripts()
    {
        output.WriteLine($"redis-server {redis.Version} on {redis.ConnectionString} (pid {redis.Server.ProcessId})");

        // ZPOPMIN (hopper pop) needs Redis 5.
        Assert.Matches(@"^\d+\.\d+\.\d+", redis.Version);
        Assert.True(int.Parse(redis.Version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) >= 5, $"redis-server {redis.Version} is older than 5.0");
    }

    [Fact]
    public async Task PingAsync_WhenTheServerAnswers_Succeeds()
    {
        await using var store = await ConnectAsync(redis.ConnectionString, Prefix());

        await store.PingAsync(None);
    }

    [Fact]
    public async Task PingAsync_AfterTheServerStopped_ThrowsStateStoreUnavailable()
    {
        await using var server = await redis.StartPrivateServerAsync();
        await using var store = await ConnectAsync(server.ConnectionString, Prefix());
        await store.PingAsync(None);

        await server.StopAsync();

        var failure = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => store.PingAsync(None));
        Assert.Contains("ping", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.InnerException is RedisException, $"Expected a RedisException inside, got {failure.InnerException}");
    }

    [Fact]
    public async Task AnyOperation_AfterTheServerStopped_ThrowsStateStoreUnavailableNamingTheOperationAndKey()
    {
        await using var server = await redis.StartPrivateServerAsync();
        var prefix = Prefix();
        await using var store = await ConnectAsync(server.ConnectionString, prefix);
        await store.Hoppers.PushAsync(7, [new HopperEntry(1, "+33612345678", 0)], None);

        await server.StopAsync();

        var failure = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => store.Hoppers.PopAsync(7, None));
        Assert.Contains("hopper pop", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{prefix}{{c:7}}:hopper:queue", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_WhenNothingListens_ReturnsAStoreWhosePingThrows()
    {
        var nowhere = $"127.0.0.1:{FreeTcpPort.Next()}";

        await using var store = await ConnectAsync(nowhere, Prefix(), nothingListens: true);

        await Assert.ThrowsAsync<StateStoreUnavailableException>(() => store.PingAsync(None));
    }

    [Fact]
    public async Task Stores_WithDifferentKeyPrefixes_DoNotSeeEachOthersState()
    {
        await using var first = await ConnectAsync(redis.ConnectionString, Prefix());
        await using var second = await ConnectAsync(redis.ConnectionString, Prefix());

        await first.Hoppers.PushAsync(7, [new HopperEntry(1, "+33612345678", 0)], None);
        await first.Leases.TryAcquireAsync("pacer", "node-a", TimeSpan.FromSeconds(30), None);

        Assert.Equal(0, await second.Hoppers.CountAsync(7, None));
        Assert.Null(await second.Leases.GetHolderAsync("pacer", None));
    }

    [Fact]
    public async Task Keys_ThatOneScriptTouches_ShareOneClusterSlot()
    {
        var prefix = Prefix();
        await using var store = await ConnectAsync(redis.ConnectionString, prefix);
        await TouchEveryAreaAsync(store);
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keys = await raw.GetServer(raw.GetEndPoints()[0]).KeysAsync(pattern: prefix + "*").ToListAsync();

        string[] families = [$"{prefix}{{agents}}:", $"{prefix}{{calls}}:", $"{prefix}{{c:7}}:"];
        foreach (var family in families)
        {
            var members = keys.Where(k => k.ToString().StartsWith(family, StringComparison.Ordinal)).ToList();
            output.WriteLine($"{family}: {string.Join(", ", members)}");
            Assert.True(members.Count >= 2, $"expected several keys under {family}");
            Assert.Single(members.Select(k => raw.HashSlot(k)).Distinct());
        }
    }

    [Fact]
    public async Task Leases_ExpireOnTheInjectedClock_NotOnTheServersClock()
    {
        await using var store = await ConnectAsync(redis.ConnectionString, Prefix());
        await store.Leases.TryAcquireAsync("pacer", "node-a", TimeSpan.FromHours(1), None);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await store.Leases.GetHolderAsync("pacer", None));
    }

    private static string Prefix() => $"test:{Guid.NewGuid():N}:";

    private async Task TouchEveryAreaAsync(RedisStateStore store)
    {
        var now = _time.GetUtcNow();
        var attempt = AttemptId.New(_time);
        await store.Agents.UpsertAsync(new AgentSnapshot(1, 7, AgentState.Ready, now, "leg-1", null, ["sales"]), None);
        await store.Agents.UpsertAsync(new AgentSnapshot(2, 7, AgentState.Ready, now, "leg-2", null, []), None);
        await store.Agents.TryReserveAsync(7, attempt, null, now, None);
        await store.Calls.AddAsync(new CallInFlight(attempt, 7, 100, "+33612345678", CallStage.Answered, now, null), None);
        await store.Hoppers.PushAsync(7, [new HopperEntry(1, "+33612345678", 0)], None);
        await store.Counters.IncrementOnceAsync(7, "dials", attempt, None);
    }

    /// <summary>
    /// Short timeouts only where nothing listens (the test waits for them); a real server gets the suite's defaults,
    /// which a loaded 2-core CI machine needs (a 500 ms connect timed out there while the other test assemblies ran).
    /// </summary>
    private async Task<RedisStateStore> ConnectAsync(string connectionString, string prefix, bool nothingListens = false)
    {
        var options = RedisInstances.Options(connectionString, prefix);
        if (nothingListens)
        {
            options.ConnectTimeout = TimeSpan.FromMilliseconds(500);
            options.OperationTimeout = TimeSpan.FromMilliseconds(500);
        }

        return await RedisStateStore.ConnectAsync(options, _time);
    }
}
