namespace Orchestrator.State.InMemory;

/// <summary>
/// The embedded, single-instance state store: everything lives in this process and is lost on restart.
/// Each area has its own lock, so agents and hoppers never wait for each other. Expiry is judged against the
/// injected <see cref="TimeProvider"/>, exactly as the Redis store does.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    public InMemoryStateStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Leases = new InMemoryLeaseStore(timeProvider);
        Agents = new InMemoryAgentStateStore();
        Hoppers = new InMemoryHopperStore();
        Calls = new InMemoryCallsInFlightStore();
        Frequency = new InMemoryFrequencyCounter(timeProvider);
        Counters = new InMemoryCampaignCounters(timeProvider);
    }

    public ILeaseStore Leases { get; }

    public IAgentStateStore Agents { get; }

    public IHopperStore Hoppers { get; }

    public ICallsInFlightStore Calls { get; }

    public IFrequencyCounter Frequency { get; }

    public ICampaignCounters Counters { get; }

    /// <summary>Always reachable: the state is in this process.</summary>
    public Task PingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}
