using Orchestrator.Core.Attempts;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

internal sealed class RedisFrequencyCounter(RedisCommandRunner redis, RedisKeyspace keys) : IFrequencyCounter
{
    private static readonly TimeSpan GarbageCollectionSlack = TimeSpan.FromSeconds(60);

    public async Task<bool> TryRecordAsync(string key, AttemptId attempt, DateTimeOffset now, TimeSpan window, int cap, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        RedisValue[] arguments =
        [
            attempt.ToString(), (now - window).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), cap,
            (long)(window + GarbageCollectionSlack).TotalMilliseconds,
        ];
        var result = await redis.EvaluateAsync("frequency record", FrequencyScripts.TryRecord, [keys.Frequency(key)], arguments, cancellationToken);
        return (long)result == 1;
    }

    public async Task<int> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var redisKey = keys.Frequency(key);
        var count = await redis.RunAsync(
            "frequency count",
            redisKey,
            db => db.SortedSetLengthAsync(redisKey, (now - window).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), Exclude.Start),
            cancellationToken);
        return (int)count;
    }
}
