namespace Orchestrator.State.Redis;

/// <summary>
/// A hopper is three keys under the campaign's hash tag: a sorted set <c>hopper:queue</c> scored by −priority whose
/// members are "&lt;16-digit sequence&gt;:&lt;lead id&gt;" (equal scores sort by member, so by sequence: FIFO within a
/// priority), a hash <c>hopper:entries</c> lead id → entry JSON (also the "lead already queued" check), and the
/// sequence counter <c>hopper:seq</c>.
/// </summary>
internal static class HopperScripts
{
    /// <summary>KEYS queue, entries, seq; ARGV triplets (lead id, priority, entry JSON). Returns how many were added.</summary>
    public const string Push = """
        local added = 0
        for i = 1, #ARGV, 3 do
          local lead = ARGV[i]
          if redis.call('HSETNX', KEYS[2], lead, ARGV[i + 2]) == 1 then
            local seq = redis.call('INCR', KEYS[3])
            redis.call('ZADD', KEYS[1], -tonumber(ARGV[i + 1]), string.format('%016d:%s', seq, lead))
            added = added + 1
          end
        end
        return added
        """;

    /// <summary>KEYS queue, entries. Returns the entry JSON of the first member, or nil when empty.</summary>
    public const string Pop = """
        while true do
          local popped = redis.call('ZPOPMIN', KEYS[1])
          if #popped == 0 then return nil end
          local lead = string.sub(popped[1], 18)
          local entry = redis.call('HGET', KEYS[2], lead)
          if entry then
            redis.call('HDEL', KEYS[2], lead)
            return entry
          end
        end
        """;
}
