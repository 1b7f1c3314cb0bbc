using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;

namespace Orchestrator.State;

/// <summary>An agent's live state as every instance sees it.</summary>
/// <param name="AgentId">The agent's database id.</param>
/// <param name="CampaignId">The campaign the agent is logged into.</param>
/// <param name="State">Where the agent is in the cycle.</param>
/// <param name="Since">When the agent entered <paramref name="State"/>; for Ready agents it orders "longest idle first".</param>
/// <param name="LegId">The agent's nailed-up leg, once it is up.</param>
/// <param name="Attempt">The attempt the agent is reserved for or talking on.</param>
/// <param name="Skills">What the agent can handle; matched (ordinal, case-sensitive) against a call's required skill.</param>
/// <remarks>
/// Equality compares <see cref="Skills"/> element by element (a record would compare the list's reference),
/// so a snapshot read back from a store equals the one written.
/// </remarks>
public sealed record AgentSnapshot(
    long AgentId,
    long CampaignId,
    AgentState State,
    DateTimeOffset Since,
    string? LegId,
    AttemptId? Attempt,
    IReadOnlyList<string> Skills)
{
    public bool Equals(AgentSnapshot? other) =>
        other is not null
        && AgentId == other.AgentId
        && CampaignId == other.CampaignId
        && State == other.State
        && Since == other.Since
        && string.Equals(LegId, other.LegId, StringComparison.Ordinal)
        && Attempt == other.Attempt
        && Skills.SequenceEqual(other.Skills, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(AgentId, CampaignId, State, Since, LegId, Attempt, Skills.Count);
}
