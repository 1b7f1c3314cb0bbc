namespace Orchestrator.Data.Agents;

/// <summary>A group of agents with the skills its members are expected to have.</summary>
public sealed class Team
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Skill names the team covers (stored as a JSON array).</summary>
    public ICollection<string> Skills { get; } = new List<string>();

    public ICollection<Agent> Agents { get; } = new List<Agent>();
}
