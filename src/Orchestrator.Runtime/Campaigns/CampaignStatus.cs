using Orchestrator.Core.Campaigns;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>Whether a campaign is placing calls on this instance.</summary>
public enum CampaignRunState
{
    Stopped = 0,

    /// <summary>Running, and this instance holds the pacer lease.</summary>
    Dialing,

    /// <summary>Running, but placing no calls: outside every lead's window, no leads left, or the switch or state store is unavailable (fail closed).</summary>
    Waiting,

    /// <summary>Stop requested; waiting for calls in progress to end.</summary>
    Stopping,
}

/// <summary>A campaign's live picture for the wallboard and the status API.</summary>
/// <param name="Counters">Live counters (see <see cref="Observability.RuntimeCounters"/>): dials, answers, connects, abandons…</param>
/// <param name="WaitingReason">Why a Waiting campaign places no calls, for the manager.</param>
public sealed record CampaignStatus(
    long CampaignId,
    string Name,
    DialMode Mode,
    CampaignRunState State,
    string? WaitingReason,
    IReadOnlyDictionary<string, long> Counters,
    int AgentsReady,
    int AgentsBusy,
    int AgentsPaused,
    int CallsInProgress,
    long HopperSize,
    double AbandonRatePercent,
    double AbandonCapPercent,
    DateTimeOffset? StartedAt);
