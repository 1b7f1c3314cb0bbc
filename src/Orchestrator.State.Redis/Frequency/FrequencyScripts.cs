namespace Orchestrator.State.Redis;

/// <summary>
/// A key's attempts are a sorted set <c>freq:&lt;key&gt;</c>: member attempt id, score unix ms (caller's clock) when
/// recorded. The window bounds come from the caller, never from the server's clock. PEXPIRE only collects a key
/// once its newest entry has left the window.
/// </summary>
internal static class FrequencyScripts
{
    /// <summary>
    /// KEYS[1]; ARGV attempt, window start ms (exclusive), now ms, cap, gc ms. Returns 1 when recorded (or already
    /// recorded inside the window), 0 when the cap is reached.
    /// </summary>
    public const string TryRecord = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
        local at = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if at and tonumber(at) <= tonumber(ARGV[3]) then return 1 end
        local count = redis.call('ZCOUNT', KEYS[1], '(' .. ARGV[2], ARGV[3])
        if count >= tonumber(ARGV[4]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 1
        """;
}
