using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;

namespace Orchestrator.Runtime.Agents;

/// <summary>An agent as the wallboard and the agent screen see them.</summary>
/// <param name="Occupancy">Share of logged-in time spent talking or in wrap-up, 0–1.</param>
public sealed record AgentStatus(
    long AgentId,
    string Login,
    string DisplayName,
    long CampaignId,
    AgentState State,
    DateTimeOffset Since,
    AttemptId? Attempt,
    int CallsHandled,
    double Occupancy);
