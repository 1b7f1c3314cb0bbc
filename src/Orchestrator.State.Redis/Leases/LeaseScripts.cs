namespace Orchestrator.State.Redis;

/// <summary>
/// A lease is a hash { owner, expires } where expires is unix ms on the caller's clock (the TimeProvider), compared
/// with the caller's now: the server's clock never decides who holds a lease. PEXPIRE only collects garbage.
/// </summary>
internal static class LeaseScripts
{
    /// <summary>KEYS[1] lease; ARGV owner, now ms, expires ms, gc ms. Returns 1 when taken or renewed.</summary>
    public const string Acquire = """
        local cur = redis.call('HMGET', KEYS[1], 'owner', 'expires')
        if cur[1] and cur[1] ~= ARGV[1] and tonumber(cur[2]) > tonumber(ARGV[2]) then
          return 0
        end
        redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'expires', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    /// <summary>KEYS[1] lease; ARGV owner, now ms, expires ms, gc ms. Returns 1 when renewed.</summary>
    public const string Renew = """
        local cur = redis.call('HMGET', KEYS[1], 'owner', 'expires')
        if cur[1] ~= ARGV[1] or tonumber(cur[2]) <= tonumber(ARGV[2]) then
          return 0
        end
        redis.call('HSET', KEYS[1], 'expires', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    /// <summary>KEYS[1] lease; ARGV owner. Deletes the lease only when the owner holds it.</summary>
    public const string Release = """
        if redis.call('HGET', KEYS[1], 'owner') == ARGV[1] then
          redis.call('DEL', KEYS[1])
        end
        return 0
        """;
}
