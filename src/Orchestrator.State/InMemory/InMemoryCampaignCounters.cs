using Orchestrator.Core.Attempts;

namespace Orchestrator.State.InMemory;

/// <summary>
/// Counters per campaign, plus a marker per (campaign, counter, attempt) already counted. Markers are kept for
/// <see cref="DedupRetention"/> (the Redis store's default too) and swept hourly, so memory stays bounded.
/// </summary>
internal sealed class InMemoryCampaignCounters(TimeProvider timeProvider) : ICampaignCounters
{
    private static readonly TimeSpan DedupRetention = TimeSpan.FromHours(48);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Dictionary<string, long>> _counters = [];
    private readonly Dictionary<(long CampaignId, string Counter, AttemptId Attempt), DateTimeOffset> _counted = [];
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public Task<bool> IncrementOnceAsync(long campaignId, string counter, AttemptId attempt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(counter);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            SweepExpiredMarkers(now);
            if (!_counted.TryAdd((campaignId, counter, attempt), now))
            {
                return Task.FromResult(false);
            }

            if (!_counters.TryGetValue(campaignId, out var counters))
            {
                counters = new Dictionary<string, long>(StringComparer.Ordinal);
                _counters[campaignId] = counters;
            }

            counters[counter] = counters.GetValueOrDefault(counter) + 1;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> GetAsync(long campaignId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyDictionary<string, long> snapshot = _counters.TryGetValue(campaignId, out var counters)
                ? counters.Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal)
                : new Dictionary<string, long>(StringComparer.Ordinal);
            return Task.FromResult(snapshot);
        }
    }

    public Task ResetAsync(long campaignId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // The markers stay: an event replayed after the reset was already counted before it.
            _counters.Remove(campaignId);
        }

        return Task.CompletedTask;
    }

    private void SweepExpiredMarkers(DateTimeOffset now)
    {
        if (now - _lastSweep < SweepInterval)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (marker, countedAt) in _counted)
        {
            if (now - countedAt >= DedupRetention)
            {
                _counted.Remove(marker);
            }
        }
    }
}
