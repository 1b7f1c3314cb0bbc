using System.Globalization;
using Orchestrator.Core.Attempts;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

internal sealed class RedisCallsInFlightStore(RedisCommandRunner redis, RedisKeyspace keys) : ICallsInFlightStore
{
    public async Task<bool> AddAsync(CallInFlight call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        RedisValue[] arguments =
        [
            call.Attempt.ToString(), call.CampaignId, call.LeadId, call.PhoneNumber, call.Stage.ToString(),
            RedisValueFormat.Time(call.StageSince), Agent(call.AgentId),
        ];
        var result = await redis.EvaluateAsync(
            "call add", CallScripts.Add, [keys.Call(call.Attempt), keys.CallsOfCampaign(call.CampaignId)], arguments, cancellationToken);
        return (long)result == 1;
    }

    public async Task<bool> UpdateStageAsync(AttemptId attempt, CallStage stage, DateTimeOffset since, long? agentId, CancellationToken cancellationToken)
    {
        var result = await redis.EvaluateAsync(
            "call stage", CallScripts.UpdateStage, [keys.Call(attempt)], [stage.ToString(), RedisValueFormat.Time(since), Agent(agentId)], cancellationToken);
        return (long)result == 1;
    }

    public async Task<bool> RemoveAsync(AttemptId attempt, CancellationToken cancellationToken)
    {
        var result = await redis.EvaluateAsync(
            "call remove", CallScripts.Remove, [keys.Call(attempt)], [keys.CallsRoot, attempt.ToString()], cancellationToken);
        return (long)result == 1;
    }

    public async Task<CallInFlight?> GetAsync(AttemptId attempt, CancellationToken cancellationToken)
    {
        var key = keys.Call(attempt);
        var fields = await redis.RunAsync("call get", key, db => db.HashGetAllAsync(key), cancellationToken);
        return fields.Length == 0 ? null : Read(attempt, RedisValueFormat.Fields(fields));
    }

    public async Task<IReadOnlyList<CallInFlight>> ListAsync(long campaignId, CancellationToken cancellationToken)
    {
        var result = await redis.EvaluateAsync("call list", CallScripts.List, [keys.CallsOfCampaign(campaignId)], [keys.CallsRoot], cancellationToken);
        return [.. ((RedisResult[])result!).Select(call =>
            Read(AttemptId.Parse((string)call[0]!, CultureInfo.InvariantCulture), RedisValueFormat.Fields((RedisValue[])call[1]!)))];
    }

    private static string Agent(long? agentId) => RedisValueFormat.Optional(agentId is { } id ? RedisValueFormat.Text(id) : null);

    private static CallInFlight Read(AttemptId attempt, Dictionary<string, RedisValue> fields) => new(
        Attempt: attempt,
        CampaignId: RedisValueFormat.ParseLong(fields["campaign"]),
        LeadId: RedisValueFormat.ParseLong(fields["lead"]),
        PhoneNumber: fields["phone"].ToString(),
        Stage: Enum.Parse<CallStage>(fields["stage"].ToString()),
        StageSince: RedisValueFormat.ParseTime(fields["since"]),
        AgentId: fields.TryGetValue("agent", out var agent) ? RedisValueFormat.ParseLong(agent) : null);
}
