namespace Orchestrator.State.Redis;

/// <summary>
/// Agent scripts. Every agent key shares the <c>{agents}</c> hash tag, so one script can move an agent between
/// campaigns and keep all indexes consistent; the keys are derived from ARGV[1] (the agents root) inside the script.
/// </summary>
/// <remarks>
/// Per agent: hash <c>agent:&lt;id&gt;</c> { id, campaign, state (AgentState name), since ("O" text), score (since in
/// unix µs), leg?, attempt?, skills (JSON array) }. Per campaign: set <c>campaign:&lt;c&gt;:members</c> of ids, sorted set
/// <c>campaign:&lt;c&gt;:ready</c> of Ready ids scored by since, hash <c>campaign:&lt;c&gt;:reserved</c> attempt → id of
/// Reserved agents (makes a retried reservation O(1)). Ids are the fixed-width members of
/// <see cref="RedisKeyspace.AgentMember"/>, so equal scores order by lowest id.
/// </remarks>
internal static class AgentScripts
{
    // Shared functions: unindex drops an agent from its campaign's indexes as its stored hash describes it;
    // write stores a whole snapshot and indexes it. Every mutation goes through both.
    private const string Prelude = """
        local root = ARGV[1]
        local function agent_key(id) return root .. 'agent:' .. id end
        local function members_key(c) return root .. 'campaign:' .. c .. ':members' end
        local function ready_key(c) return root .. 'campaign:' .. c .. ':ready' end
        local function reserved_key(c) return root .. 'campaign:' .. c .. ':reserved' end
        local function opt(v) if v == '' then return nil end return string.sub(v, 2) end

        local function unindex(id)
          local old = redis.call('HMGET', agent_key(id), 'campaign', 'state', 'attempt')
          if not old[1] then return end
          redis.call('SREM', members_key(old[1]), id)
          redis.call('ZREM', ready_key(old[1]), id)
          if old[2] == 'Reserved' and old[3] and redis.call('HGET', reserved_key(old[1]), old[3]) == id then
            redis.call('HDEL', reserved_key(old[1]), old[3])
          end
        end

        local function index(id, campaign, state, score, attempt)
          redis.call('SADD', members_key(campaign), id)
          if state == 'Ready' then
            redis.call('ZADD', ready_key(campaign), score, id)
          elseif state == 'Reserved' and attempt then
            redis.call('HSET', reserved_key(campaign), attempt, id)
          end
        end

        -- ARGV from 'first': id, campaign, state, since, score, leg?, attempt?, skills
        local function write(first)
          local id, campaign, state, since, score = ARGV[first], ARGV[first + 1], ARGV[first + 2], ARGV[first + 3], ARGV[first + 4]
          local leg, attempt, skills = opt(ARGV[first + 5]), opt(ARGV[first + 6]), ARGV[first + 7]
          unindex(id)
          local key = agent_key(id)
          redis.call('DEL', key)
          redis.call('HSET', key, 'id', id, 'campaign', campaign, 'state', state, 'since', since, 'score', score, 'skills', skills)
          if leg then redis.call('HSET', key, 'leg', leg) end
          if attempt then redis.call('HSET', key, 'attempt', attempt) end
          index(id, campaign, state, score, attempt)
        end

        """;

    /// <summary>KEYS[1] agent; ARGV root, snapshot (8 values).</summary>
    public const string Upsert = Prelude + """
        write(2)
        return 1
        """;

    /// <summary>KEYS[1] agent; ARGV root, expected state, snapshot (8 values). Returns 1 when replaced.</summary>
    public const string TryTransition = Prelude + """
        if redis.call('HGET', agent_key(ARGV[3]), 'state') ~= ARGV[2] then
          return 0
        end
        write(3)
        return 1
        """;

    /// <summary>KEYS[1] agent; ARGV root, id.</summary>
    public const string Remove = Prelude + """
        unindex(ARGV[2])
        redis.call('DEL', agent_key(ARGV[2]))
        return 1
        """;

    /// <summary>KEYS[1] campaign members; ARGV root, campaign. Returns one HGETALL reply per agent.</summary>
    public const string List = Prelude + """
        local agents = {}
        for _, id in ipairs(redis.call('SMEMBERS', members_key(ARGV[2]))) do
          local fields = redis.call('HGETALL', agent_key(id))
          if #fields > 0 then table.insert(agents, fields) end
        end
        return agents
        """;

    /// <summary>
    /// KEYS[1] campaign ready set; ARGV root, campaign, attempt, required skill?, since, score. Returns the reserved
    /// agent's HGETALL reply, or nil. Walks the ready set in order (longest idle first) in pages, testing the skill.
    /// </summary>
    public const string TryReserve = Prelude + """
        local campaign, attempt, skill, since, score = ARGV[2], ARGV[3], opt(ARGV[4]), ARGV[5], ARGV[6]

        local already = redis.call('HGET', reserved_key(campaign), attempt)
        if already then
          local cur = redis.call('HMGET', agent_key(already), 'campaign', 'state', 'attempt')
          if cur[1] == campaign and cur[2] == 'Reserved' and cur[3] == attempt then
            return redis.call('HGETALL', agent_key(already))
          end
        end

        local function has_skill(id)
          if not skill then return true end
          for _, s in ipairs(cjson.decode(redis.call('HGET', agent_key(id), 'skills') or '[]')) do
            if s == skill then return true end
          end
          return false
        end

        local page = 100
        local start = 0
        while true do
          local ids = redis.call('ZRANGE', ready_key(campaign), start, start + page - 1)
          if #ids == 0 then return nil end
          for _, id in ipairs(ids) do
            if has_skill(id) then
              unindex(id)
              local key = agent_key(id)
              redis.call('HSET', key, 'state', 'Reserved', 'since', since, 'score', score, 'attempt', attempt)
              index(id, campaign, 'Reserved', score, attempt)
              return redis.call('HGETALL', key)
            end
          end
          start = start + page
        end
        """;
}
