namespace Orchestrator.State.Redis;

/// <summary>
/// Campaign counters are a hash <c>counters</c> name → count; each (attempt, counter) already counted leaves a
/// marker key <c>counted:&lt;attempt&gt;:&lt;counter&gt;</c> that expires after the dedup retention. Both under the
/// campaign's hash tag, so marker and increment are one atomic step.
/// </summary>
internal static class CounterScripts
{
    /// <summary>KEYS counters, marker; ARGV counter, retention ms. Returns 1 when counted.</summary>
    public const string IncrementOnce = """
        if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[2]) then return 0 end
        redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
        return 1
        """;
}
