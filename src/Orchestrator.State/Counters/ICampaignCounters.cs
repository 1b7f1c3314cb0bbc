using Orchestrator.Core.Attempts;

namespace Orchestrator.State;

/// <summary>
/// Named per-campaign counters (dials, answers, connects, abandons...) for pacing and the wallboard.
/// Each attempt counts at most once per counter, so a replayed event never inflates a rate.
/// </summary>
/// <remarks>
/// Which attempts were counted is remembered for a bounded time (48 hours by default), far longer than any replay,
/// and survives <see cref="ResetAsync"/>: an event replayed after a reset does not count again.
/// </remarks>
public interface ICampaignCounters
{
    /// <summary>Adds one to the counter for this attempt; returns false (no change) when the attempt was already counted.</summary>
    Task<bool> IncrementOnceAsync(long campaignId, string counter, AttemptId attempt, CancellationToken cancellationToken);

    /// <summary>Every counter of the campaign that is above zero.</summary>
    Task<IReadOnlyDictionary<string, long>> GetAsync(long campaignId, CancellationToken cancellationToken);

    /// <summary>Sets every counter of the campaign back to zero.</summary>
    Task ResetAsync(long campaignId, CancellationToken cancellationToken);
}
