namespace Orchestrator.State.Redis;

/// <summary>
/// A call is a hash <c>call:&lt;attempt&gt;</c> { campaign, lead, phone, stage (CallStage name), since ("O" text),
/// agent? } and its attempt id is a member of the set <c>campaign:&lt;c&gt;</c>; both under the <c>{calls}</c> hash
/// tag, because the contract reaches a call by attempt id alone and lists them by campaign.
/// </summary>
internal static class CallScripts
{
    private const string Prelude = """
        local function opt(v) if v == '' then return nil end return string.sub(v, 2) end

        """;

    /// <summary>KEYS call, campaign set; ARGV attempt, campaign, lead, phone, stage, since, agent?. Returns 1 when added.</summary>
    public const string Add = Prelude + """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'campaign', ARGV[2], 'lead', ARGV[3], 'phone', ARGV[4], 'stage', ARGV[5], 'since', ARGV[6])
        local agent = opt(ARGV[7])
        if agent then redis.call('HSET', KEYS[1], 'agent', agent) end
        redis.call('SADD', KEYS[2], ARGV[1])
        return 1
        """;

    /// <summary>KEYS call; ARGV stage, since, agent?. Returns 1 when the call was there.</summary>
    public const string UpdateStage = Prelude + """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], 'stage', ARGV[1], 'since', ARGV[2])
        local agent = opt(ARGV[3])
        if agent then redis.call('HSET', KEYS[1], 'agent', agent) else redis.call('HDEL', KEYS[1], 'agent') end
        return 1
        """;

    /// <summary>KEYS call; ARGV calls root, attempt. Returns 1 when the call was there.</summary>
    public const string Remove = """
        local campaign = redis.call('HGET', KEYS[1], 'campaign')
        if not campaign then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('SREM', ARGV[1] .. 'campaign:' .. campaign, ARGV[2])
        return 1
        """;

    /// <summary>KEYS campaign set; ARGV calls root. Returns { attempt, HGETALL reply } per call.</summary>
    public const string List = """
        local calls = {}
        for _, attempt in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local fields = redis.call('HGETALL', ARGV[1] .. 'call:' .. attempt)
          if #fields > 0 then table.insert(calls, { attempt, fields }) end
        end
        return calls
        """;
}
