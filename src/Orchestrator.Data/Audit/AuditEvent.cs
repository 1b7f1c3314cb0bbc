using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Audit;

/// <summary>Something a person or the system did, as an append-only log line.</summary>
public sealed class AuditEvent : IAppendOnly
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Who: a user login, or <c>system</c> / a component name.</summary>
    public required string Actor { get; set; }

    /// <summary>What, as a stable verb phrase (<c>campaign.started</c>, <c>lead.opted-out</c>).</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>Anything else as a JSON object (old and new values, reasons).</summary>
    public string? Details { get; set; }

    /// <summary>Ties together the events of one request or one call.</summary>
    public string? CorrelationId { get; set; }
}
