using Orchestrator.Core.Dispositions;

namespace Orchestrator.Data.Dispositions;

/// <summary>The final word on one attempt, by an agent or by the system. Exactly one per attempt.</summary>
public sealed class Disposition
{
    public long Id { get; set; }

    public Guid AttemptId { get; set; }

    public long LeadId { get; set; }

    /// <summary>The project's code (<see cref="DispositionDefinition.Code"/>).</summary>
    public required string Code { get; set; }

    /// <summary>The code's meaning when it was given, kept even if the definition changes later.</summary>
    public DispositionOutcome Outcome { get; set; }

    /// <summary>Null for system dispositions.</summary>
    public long? AgentId { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
