using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;

namespace Orchestrator.State.InMemory;

/// <summary>
/// Agents by id. Reservation scans the campaign's agents under the lock: an embedded instance has at most a few
/// hundred agents, so an index of ready agents would cost more in bookkeeping than it saves.
/// </summary>
internal sealed class InMemoryAgentStateStore : IAgentStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, AgentSnapshot> _agents = [];

    public Task UpsertAsync(AgentSnapshot agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = Detach(agent);
        lock (_gate)
        {
            _agents[agent.AgentId] = copy;
        }

        return Task.CompletedTask;
    }

    public Task<AgentSnapshot?> GetAsync(long agentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_agents.GetValueOrDefault(agentId));
        }
    }

    public Task<IReadOnlyList<AgentSnapshot>> ListAsync(long campaignId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<AgentSnapshot> agents = [.. _agents.Values.Where(a => a.CampaignId == campaignId)];
            return Task.FromResult(agents);
        }
    }

    public Task<AgentSnapshot?> TryReserveAsync(long campaignId, AttemptId attempt, string? requiredSkill, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var campaignAgents = _agents.Values.Where(a => a.CampaignId == campaignId).ToList();

            // A retried reservation must not take a second agent.
            var alreadyReserved = campaignAgents.Find(a => a.State == AgentState.Reserved && a.Attempt == attempt);
            if (alreadyReserved is not null)
            {
                return Task.FromResult<AgentSnapshot?>(alreadyReserved);
            }

            var chosen = campaignAgents
                .Where(a => a.State == AgentState.Ready && (requiredSkill is null || a.Skills.Contains(requiredSkill, StringComparer.Ordinal)))
                .OrderBy(a => a.Since)
                .ThenBy(a => a.AgentId)
                .FirstOrDefault();
            if (chosen is null)
            {
                return Task.FromResult<AgentSnapshot?>(null);
            }

            var reserved = chosen with { State = AgentState.Reserved, Since = now, Attempt = attempt };
            _agents[reserved.AgentId] = reserved;
            return Task.FromResult<AgentSnapshot?>(reserved);
        }
    }

    public Task<bool> TryTransitionAsync(long agentId, AgentState expected, AgentSnapshot next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.AgentId != agentId)
        {
            throw new ArgumentException($"The next snapshot is for agent {next.AgentId}, not agent {agentId}.", nameof(next));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var copy = Detach(next);
        lock (_gate)
        {
            if (!_agents.TryGetValue(agentId, out var current) || current.State != expected)
            {
                return Task.FromResult(false);
            }

            _agents[agentId] = copy;
            return Task.FromResult(true);
        }
    }

    public Task RemoveAsync(long agentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _agents.Remove(agentId);
        }

        return Task.CompletedTask;
    }

    // The caller may hold a mutable list behind IReadOnlyList; a store keeps its own copy, as Redis would.
    private static AgentSnapshot Detach(AgentSnapshot agent) => agent with { Skills = [.. agent.Skills] };
}
