using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;

namespace Orchestrator.State;

/// <summary>Agents' live states and the atomic choice of an agent for an answered call.</summary>
public interface IAgentStateStore
{
    /// <summary>Writes the agent's whole snapshot (login, or a transition already checked by the caller).</summary>
    Task UpsertAsync(AgentSnapshot agent, CancellationToken cancellationToken);

    Task<AgentSnapshot?> GetAsync(long agentId, CancellationToken cancellationToken);

    /// <summary>Every agent logged into the campaign, in no particular order.</summary>
    Task<IReadOnlyList<AgentSnapshot>> ListAsync(long campaignId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically picks the Ready agent of the campaign who has been ready longest (earliest
    /// <see cref="AgentSnapshot.Since"/>; ties by lowest id) and who has <paramref name="requiredSkill"/> when one is
    /// given, and marks it <see cref="AgentState.Reserved"/> for <paramref name="attempt"/> since <paramref name="now"/>.
    /// Idempotent: when an agent is already reserved for <paramref name="attempt"/>, that agent is returned again.
    /// Returns null when no agent qualifies.
    /// </summary>
    Task<AgentSnapshot?> TryReserveAsync(long campaignId, AttemptId attempt, string? requiredSkill, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces the snapshot with <paramref name="next"/> only when the agent is currently in
    /// <paramref name="expected"/>. Returns false (and changes nothing) otherwise, or when the agent is unknown.
    /// </summary>
    Task<bool> TryTransitionAsync(long agentId, AgentState expected, AgentSnapshot next, CancellationToken cancellationToken);

    /// <summary>Forgets the agent (logout). Removing an unknown agent does nothing.</summary>
    Task RemoveAsync(long agentId, CancellationToken cancellationToken);
}
