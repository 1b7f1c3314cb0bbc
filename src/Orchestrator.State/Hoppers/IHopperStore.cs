namespace Orchestrator.State;

/// <summary>Per-campaign queues of leads ready to dial, filled ahead of the pacer.</summary>
public interface IHopperStore
{
    /// <summary>Adds the entries whose lead is not already in the campaign's hopper; returns how many were added.</summary>
    Task<int> PushAsync(long campaignId, IReadOnlyList<HopperEntry> entries, CancellationToken cancellationToken);

    /// <summary>Removes and returns the highest-priority, oldest entry, or null when the hopper is empty.</summary>
    Task<HopperEntry?> PopAsync(long campaignId, CancellationToken cancellationToken);

    Task<long> CountAsync(long campaignId, CancellationToken cancellationToken);

    /// <summary>Empties the campaign's hopper (campaign stopped or its list changed).</summary>
    Task ClearAsync(long campaignId, CancellationToken cancellationToken);
}
