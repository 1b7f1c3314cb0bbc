namespace Orchestrator.Data.Agents;

/// <summary>A skill an agent has, at a level (1 = basic, higher is better) used to rank agents for a call.</summary>
public sealed class AgentSkill
{
    public long AgentId { get; set; }

    public Agent? Agent { get; set; }

    public required string Skill { get; set; }

    public int Level { get; set; } = 1;
}
