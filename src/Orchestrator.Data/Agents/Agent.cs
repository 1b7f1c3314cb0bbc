namespace Orchestrator.Data.Agents;

/// <summary>A person who takes calls. Live state (ready, on call) is in the state store, not here.</summary>
public sealed class Agent
{
    public long Id { get; set; }

    public required string Login { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>The dial string of the agent's phone (<c>PJSIP/1001</c>), called for the nailed-up leg.</summary>
    public required string Endpoint { get; set; }

    public long? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>An inactive agent cannot log in; kept so that history still names them.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public ICollection<AgentSkill> Skills { get; } = new List<AgentSkill>();
}
