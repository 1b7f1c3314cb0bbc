using Microsoft.AspNetCore.SignalR;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Campaigns;
using Orchestrator.Runtime.Observability;

namespace Orchestrator.Host.Realtime;

/// <summary>What the wallboard receives: every campaign's status about once a second, and every agent change.</summary>
public interface IWallboardClient
{
    Task Campaigns(IReadOnlyList<CampaignStatus> campaigns);

    Task Agent(AgentStatus agent);
}

/// <summary>What an agent's screen receives: the screen pop of each call, and the agent's own state changes.</summary>
public interface IAgentClient
{
    Task ScreenPop(ScreenPop pop);

    Task Agent(AgentStatus agent);
}

/// <summary>The picture a wallboard starts from before the pushes arrive.</summary>
public sealed record WallboardSnapshot(IReadOnlyList<CampaignStatus> Campaigns, IReadOnlyList<AgentStatus> Agents);

/// <summary><c>/hubs/wallboard</c>: managers' live view. Call <c>Snapshot</c> once, then apply the pushes.</summary>
public sealed class WallboardHub(ICampaignRuntime campaigns, IAgentDesk agents) : Hub<IWallboardClient>
{
    public const string Path = "/hubs/wallboard";

    public WallboardSnapshot Snapshot()
    {
        var statuses = campaigns.GetStatuses();
        return new WallboardSnapshot(statuses, [.. statuses.SelectMany(c => agents.GetAgents(c.CampaignId)).OrderBy(a => a.Login, StringComparer.Ordinal)]);
    }
}

/// <summary><c>/hubs/agent</c>: an agent's screen joins its agent's group and receives its screen pops.</summary>
public sealed class AgentHub(IAgentDesk agents) : Hub<IAgentClient>
{
    public const string Path = "/hubs/agent";

    public static string Group(long agentId) => $"agent-{agentId}";

    /// <summary>Receive this agent's screen pops and state changes; returns the agent's current status (null when never logged in).</summary>
    public async Task<AgentStatus?> Join(long agentId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(agentId));
        return agents.GetAgent(agentId);
    }

    public Task Leave(long agentId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(agentId));
}
