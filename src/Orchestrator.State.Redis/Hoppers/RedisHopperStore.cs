using System.Text.Json;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

internal sealed class RedisHopperStore(RedisCommandRunner redis, RedisKeyspace keys) : IHopperStore
{
    public async Task<int> PushAsync(long campaignId, IReadOnlyList<HopperEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return 0;
        }

        var arguments = new RedisValue[entries.Count * 3];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException("The entries must not contain null.", nameof(entries));
            arguments[3 * i] = entry.LeadId;
            arguments[(3 * i) + 1] = entry.Priority;
            arguments[(3 * i) + 2] = JsonSerializer.Serialize(entry, RedisJsonContext.Default.HopperEntry);
        }

        var result = await redis.EvaluateAsync("hopper push", HopperScripts.Push, Keys(campaignId, withSequence: true), arguments, cancellationToken);
        return (int)result;
    }

    public async Task<HopperEntry?> PopAsync(long campaignId, CancellationToken cancellationToken)
    {
        var result = await redis.EvaluateAsync("hopper pop", HopperScripts.Pop, Keys(campaignId, withSequence: false), [], cancellationToken);
        return result.IsNull ? null : JsonSerializer.Deserialize((string)result!, RedisJsonContext.Default.HopperEntry);
    }

    public Task<long> CountAsync(long campaignId, CancellationToken cancellationToken)
    {
        var key = keys.HopperQueue(campaignId);
        return redis.RunAsync("hopper count", key, db => db.SortedSetLengthAsync(key), cancellationToken);
    }

    public Task ClearAsync(long campaignId, CancellationToken cancellationToken)
    {
        // One DEL of keys that share a hash tag: atomic, and valid on a cluster.
        var all = Keys(campaignId, withSequence: true);
        return redis.RunAsync("hopper clear", all[0], db => db.KeyDeleteAsync(all), cancellationToken);
    }

    private RedisKey[] Keys(long campaignId, bool withSequence) => withSequence
        ? [keys.HopperQueue(campaignId), keys.HopperEntries(campaignId), keys.HopperSequence(campaignId)]
        : [keys.HopperQueue(campaignId), keys.HopperEntries(campaignId)];
}
