using System.Globalization;
using System.Text.Json;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

internal sealed class RedisAgentStateStore(RedisCommandRunner redis, RedisKeyspace keys) : IAgentStateStore
{
    public Task UpsertAsync(AgentSnapshot agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return redis.EvaluateAsync("agent upsert", AgentScripts.Upsert, [keys.Agent(agent.AgentId)], [keys.AgentsRoot, .. Snapshot(agent)], cancellationToken);
    }

    public async Task<AgentSnapshot?> GetAsync(long agentId, CancellationToken cancellationToken)
    {
        var key = keys.Agent(agentId);
        var fields = await redis.RunAsync("agent get", key, db => db.HashGetAllAsync(key), cancellationToken);
        return fields.Length == 0 ? null : Read(RedisValueFormat.Fields(fields));
    }

    public async Task<IReadOnlyList<AgentSnapshot>> ListAsync(long campaignId, CancellationToken cancellationToken)
    {
        var result = await redis.EvaluateAsync(
            "agent list", AgentScripts.List, [keys.AgentsOfCampaign(campaignId)], [keys.AgentsRoot, campaignId], cancellationToken);
        return [.. ((RedisResult[])result!).Select(agent => Read(RedisValueFormat.Fields((RedisValue[])agent!)))];
    }

    public async Task<AgentSnapshot?> TryReserveAsync(long campaignId, AttemptId attempt, string? requiredSkill, DateTimeOffset now, CancellationToken cancellationToken)
    {
        RedisValue[] arguments =
        [
            keys.AgentsRoot, campaignId, attempt.ToString(), RedisValueFormat.Optional(requiredSkill),
            RedisValueFormat.Time(now), RedisValueFormat.Score(now),
        ];
        var result = await redis.EvaluateAsync("agent reserve", AgentScripts.TryReserve, [keys.ReadyAgents(campaignId)], arguments, cancellationToken);
        return result.IsNull ? null : Read(RedisValueFormat.Fields((RedisValue[])result!));
    }

    public async Task<bool> TryTransitionAsync(long agentId, AgentState expected, AgentSnapshot next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.AgentId != agentId)
        {
            throw new ArgumentException($"The next snapshot is for agent {next.AgentId}, not agent {agentId}.", nameof(next));
        }

        var result = await redis.EvaluateAsync(
            "agent transition", AgentScripts.TryTransition, [keys.Agent(agentId)], [keys.AgentsRoot, expected.ToString(), .. Snapshot(next)], cancellationToken);
        return (long)result == 1;
    }

    public Task RemoveAsync(long agentId, CancellationToken cancellationToken) =>
        redis.EvaluateAsync("agent remove", AgentScripts.Remove, [keys.Agent(agentId)], [keys.AgentsRoot, RedisKeyspace.AgentMember(agentId)], cancellationToken);

    // The eight values the scripts' write function takes, in its order.
    private static RedisValue[] Snapshot(AgentSnapshot agent) =>
    [
        RedisKeyspace.AgentMember(agent.AgentId),
        agent.CampaignId,
        agent.State.ToString(),
        RedisValueFormat.Time(agent.Since),
        RedisValueFormat.Score(agent.Since),
        RedisValueFormat.Optional(agent.LegId),
        RedisValueFormat.Optional(agent.Attempt?.ToString()),
        JsonSerializer.Serialize(agent.Skills.ToArray(), RedisJsonContext.Default.StringArray),
    ];

    private static AgentSnapshot Read(Dictionary<string, RedisValue> fields) => new(
        AgentId: RedisKeyspace.AgentIdFromMember(fields["id"].ToString()),
        CampaignId: RedisValueFormat.ParseLong(fields["campaign"]),
        State: Enum.Parse<AgentState>(fields["state"].ToString()),
        Since: RedisValueFormat.ParseTime(fields["since"]),
        LegId: fields.TryGetValue("leg", out var leg) ? leg.ToString() : null,
        Attempt: fields.TryGetValue("attempt", out var attempt) ? AttemptId.Parse(attempt.ToString(), CultureInfo.InvariantCulture) : null,
        Skills: JsonSerializer.Deserialize(fields["skills"].ToString(), RedisJsonContext.Default.StringArray) ?? []);
}
