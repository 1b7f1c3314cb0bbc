namespace Orchestrator.Data.Compliance;

/// <summary>A number that must not be called, everywhere or in one project.</summary>
public sealed class DncEntry
{
    public long Id { get; set; }

    /// <summary>E.164.</summary>
    public required string Number { get; set; }

    public DncScope Scope { get; set; }

    /// <summary>Set exactly when <see cref="Scope"/> is <see cref="DncScope.Project"/>.</summary>
    public long? ProjectId { get; set; }

    public DncSource Source { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>Null for an entry that never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
