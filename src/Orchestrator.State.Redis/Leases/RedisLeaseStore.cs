using StackExchange.Redis;

namespace Orchestrator.State.Redis;

internal sealed class RedisLeaseStore(RedisCommandRunner redis, RedisKeyspace keys, TimeProvider timeProvider) : ILeaseStore
{
    // Redis drops a lease nobody renews well after its logical expiry, so an expired lease is still readable for a while.
    private static readonly TimeSpan GarbageCollectionSlack = TimeSpan.FromSeconds(60);

    public async Task<bool> TryAcquireAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Validate(resource, owner, ttl);
        var result = await redis.EvaluateAsync("lease acquire", LeaseScripts.Acquire, [keys.Lease(resource)], Arguments(owner, ttl), cancellationToken);
        return (long)result == 1;
    }

    public async Task<bool> RenewAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Validate(resource, owner, ttl);
        var result = await redis.EvaluateAsync("lease renew", LeaseScripts.Renew, [keys.Lease(resource)], Arguments(owner, ttl), cancellationToken);
        return (long)result == 1;
    }

    public Task ReleaseAsync(string resource, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return redis.EvaluateAsync("lease release", LeaseScripts.Release, [keys.Lease(resource)], [owner], cancellationToken);
    }

    public async Task<string?> GetHolderAsync(string resource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        var key = keys.Lease(resource);
        var lease = await redis.RunAsync("lease holder", key, db => db.HashGetAsync(key, ["owner", "expires"]), cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return lease[0].HasValue && lease[1].HasValue && (long)lease[1] > now ? lease[0].ToString() : null;
    }

    private static void Validate(string resource, string owner, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
    }

    private RedisValue[] Arguments(string owner, TimeSpan ttl)
    {
        var now = timeProvider.GetUtcNow();
        var garbageCollectAfter = (long)(2 * ttl + GarbageCollectionSlack).TotalMilliseconds;
        return [owner, now.ToUnixTimeMilliseconds(), (now + ttl).ToUnixTimeMilliseconds(), garbageCollectAfter];
    }
}
