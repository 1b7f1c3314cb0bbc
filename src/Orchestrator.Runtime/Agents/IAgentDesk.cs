using Orchestrator.Core.Attempts;

namespace Orchestrator.Runtime.Agents;

/// <summary>What an agent (or the agent screen, or a simulated agent) can do.</summary>
public interface IAgentDesk
{
    /// <summary>Logs the agent into a campaign and calls their phone for the nailed-up leg.</summary>
    Task LoginAsync(long agentId, long campaignId, CancellationToken cancellationToken);

    /// <summary>Hangs up the agent's leg and logs out. A call in progress keeps its wrap-up.</summary>
    Task LogoutAsync(long agentId, CancellationToken cancellationToken);

    Task PauseAsync(long agentId, CancellationToken cancellationToken);

    Task ResumeAsync(long agentId, CancellationToken cancellationToken);

    /// <summary>
    /// Records the agent's disposition for the call they wrapped up and decides the lead's next step; the agent
    /// becomes ready again. Throws <see cref="DispositionRejectedException"/> for an unknown code, a callback
    /// without a time, or an attempt that is not this agent's.
    /// </summary>
    Task SubmitDispositionAsync(long agentId, AttemptId attempt, DispositionSubmission submission, CancellationToken cancellationToken);

    /// <summary>Every agent logged into the campaign, as the wallboard shows them.</summary>
    IReadOnlyList<AgentStatus> GetAgents(long campaignId);

    AgentStatus? GetAgent(long agentId);
}

/// <summary>An agent's answer to "how did the call go".</summary>
/// <param name="Code">A disposition code defined for the campaign's project (e.g. <c>SALE</c>).</param>
/// <param name="CallbackAt">For callback dispositions: when, as an instant.</param>
/// <param name="CallbackIsPersonal">For callback dispositions: the same agent calls back (otherwise any agent).</param>
/// <param name="Notes">Free text kept with the disposition.</param>
/// <param name="Answers">Questionnaire answers by question key.</param>
public sealed record DispositionSubmission(
    string Code,
    DateTimeOffset? CallbackAt = null,
    bool CallbackIsPersonal = false,
    string? Notes = null,
    IReadOnlyDictionary<string, string>? Answers = null);

/// <summary>The disposition cannot be accepted; nothing was written.</summary>
public sealed class DispositionRejectedException(string message) : Exception(message);

/// <summary>The agent id names no active agent, or the agent is not logged in.</summary>
public sealed class AgentNotFoundException(long agentId, string message) : Exception(message)
{
    public long AgentId { get; } = agentId;
}
