using Orchestrator.Core.Dispositions;
using Orchestrator.Data.Projects;

namespace Orchestrator.Data.Dispositions;

/// <summary>A disposition code of a project and what it means for the lead.</summary>
public sealed class DispositionDefinition
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    /// <summary>Short code, unique in the project (<c>SALE</c>, <c>NA</c>).</summary>
    public required string Code { get; set; }

    public required string Label { get; set; }

    public DispositionOutcome Outcome { get; set; }

    /// <summary>Set by the orchestrator for calls that never reached an agent; agents cannot pick it.</summary>
    public bool IsSystem { get; set; }

    /// <summary>The agent must give a callback time with this code.</summary>
    public bool RequiresCallbackTime { get; set; }

    /// <summary>Order on the agent's screen.</summary>
    public int SortOrder { get; set; }

    /// <summary>A retired code stays for history but is no longer offered.</summary>
    public bool IsActive { get; set; } = true;
}
