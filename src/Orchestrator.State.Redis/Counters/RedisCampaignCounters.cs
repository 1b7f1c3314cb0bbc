using Orchestrator.Core.Attempts;

namespace Orchestrator.State.Redis;

internal sealed class RedisCampaignCounters(RedisCommandRunner redis, RedisKeyspace keys, TimeSpan dedupRetention) : ICampaignCounters
{
    public async Task<bool> IncrementOnceAsync(long campaignId, string counter, AttemptId attempt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(counter);
        var result = await redis.EvaluateAsync(
            "counter increment",
            CounterScripts.IncrementOnce,
            [keys.Counters(campaignId), keys.Counted(campaignId, counter, attempt)],
            [counter, (long)dedupRetention.TotalMilliseconds],
            cancellationToken);
        return (long)result == 1;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetAsync(long campaignId, CancellationToken cancellationToken)
    {
        var key = keys.Counters(campaignId);
        var entries = await redis.RunAsync("counters get", key, db => db.HashGetAllAsync(key), cancellationToken);
        return entries
            .Select(e => (Name: e.Name.ToString(), Count: RedisValueFormat.ParseLong(e.Value)))
            .Where(e => e.Count > 0)
            .ToDictionary(e => e.Name, e => e.Count, StringComparer.Ordinal);
    }

    public Task ResetAsync(long campaignId, CancellationToken cancellationToken)
    {
        // The markers stay: an event replayed after the reset was already counted before it.
        var key = keys.Counters(campaignId);
        return redis.RunAsync("counters reset", key, db => db.KeyDeleteAsync(key), cancellationToken);
    }
}
