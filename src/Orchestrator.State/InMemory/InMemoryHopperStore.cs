namespace Orchestrator.State.InMemory;

/// <summary>One priority queue per campaign, ordered by priority (highest first), then by insertion sequence.</summary>
internal sealed class InMemoryHopperStore : IHopperStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Hopper> _hoppers = [];
    private long _sequence;

    public Task<int> PushAsync(long campaignId, IReadOnlyList<HopperEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_hoppers.TryGetValue(campaignId, out var hopper))
            {
                hopper = new Hopper();
                _hoppers[campaignId] = hopper;
            }

            var added = 0;
            foreach (var entry in entries)
            {
                ArgumentNullException.ThrowIfNull(entry, nameof(entries));
                if (hopper.Leads.Add(entry.LeadId))
                {
                    hopper.Queue.Enqueue(entry, new Order(entry.Priority, ++_sequence));
                    added++;
                }
            }

            return Task.FromResult(added);
        }
    }

    public Task<HopperEntry?> PopAsync(long campaignId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_hoppers.TryGetValue(campaignId, out var hopper) || !hopper.Queue.TryDequeue(out var entry, out _))
            {
                return Task.FromResult<HopperEntry?>(null);
            }

            hopper.Leads.Remove(entry.LeadId);
            return Task.FromResult<HopperEntry?>(entry);
        }
    }

    public Task<long> CountAsync(long campaignId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_hoppers.TryGetValue(campaignId, out var hopper) ? (long)hopper.Queue.Count : 0L);
        }
    }

    public Task ClearAsync(long campaignId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _hoppers.Remove(campaignId);
        }

        return Task.CompletedTask;
    }

    private readonly record struct Order(int Priority, long Sequence);

    private sealed class Hopper
    {
        public PriorityQueue<HopperEntry, Order> Queue { get; } = new(HigherPriorityThenOlder.Instance);

        public HashSet<long> Leads { get; } = [];
    }

    private sealed class HigherPriorityThenOlder : IComparer<Order>
    {
        public static readonly HigherPriorityThenOlder Instance = new();

        public int Compare(Order x, Order y)
        {
            var byPriority = y.Priority.CompareTo(x.Priority);
            return byPriority != 0 ? byPriority : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
