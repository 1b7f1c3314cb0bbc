namespace Orchestrator.State;

/// <summary>
/// Live state that every orchestrator instance shares: leases, agents, hoppers, calls in flight,
/// frequency counters and campaign counters. Two implementations honour one contract (and one test
/// suite): Redis for production, in-memory for the embedded single-instance default.
/// </summary>
/// <remarks>
/// Every mutation is idempotent where a retry is possible (keyed by attempt id or lead id), because
/// counters that drift under retries are the classic failure of Redis-backed dialers. Time comes from
/// the caller's <see cref="TimeProvider"/>, never from the server's clock, so expiry is testable.
/// </remarks>
public interface IStateStore
{
    ILeaseStore Leases { get; }

    IAgentStateStore Agents { get; }

    IHopperStore Hoppers { get; }

    ICallsInFlightStore Calls { get; }

    IFrequencyCounter Frequency { get; }

    ICampaignCounters Counters { get; }

    /// <summary>
    /// Round-trips to the store. Throws <see cref="StateStoreUnavailableException"/> when it cannot be
    /// reached: the pacer stops placing calls (fail closed) and readiness reports unhealthy.
    /// </summary>
    Task PingAsync(CancellationToken cancellationToken);
}
