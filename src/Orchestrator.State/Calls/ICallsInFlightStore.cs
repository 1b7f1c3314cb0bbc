using Orchestrator.Core.Attempts;

namespace Orchestrator.State;

/// <summary>Calls placed and not yet ended, keyed by attempt id: what the pacer counts and what reconciliation checks.</summary>
public interface ICallsInFlightStore
{
    /// <summary>Adds the call; returns false (and changes nothing) when the attempt is already present.</summary>
    Task<bool> AddAsync(CallInFlight call, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the call to <paramref name="stage"/> since <paramref name="since"/> and sets its agent to
    /// <paramref name="agentId"/> (null clears it); returns false when the attempt is not present.
    /// </summary>
    Task<bool> UpdateStageAsync(AttemptId attempt, CallStage stage, DateTimeOffset since, long? agentId, CancellationToken cancellationToken);

    /// <summary>Removes the call; returns false when it was not present (so a repeated end is harmless).</summary>
    Task<bool> RemoveAsync(AttemptId attempt, CancellationToken cancellationToken);

    Task<CallInFlight?> GetAsync(AttemptId attempt, CancellationToken cancellationToken);

    /// <summary>Every call in flight of the campaign, in no particular order.</summary>
    Task<IReadOnlyList<CallInFlight>> ListAsync(long campaignId, CancellationToken cancellationToken);
}
