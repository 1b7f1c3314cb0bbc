using Orchestrator.Core.Compliance;

namespace Orchestrator.Data.Compliance;

/// <summary>What a person agreed to, for which purpose, and how we know.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public long? LeadId { get; set; }

    /// <summary>E.164.</summary>
    public required string Number { get; set; }

    /// <summary>What the consent covers (<c>marketing</c>, <c>surveys</c>).</summary>
    public required string Purpose { get; set; }

    public ConsentStatus Status { get; set; }

    /// <summary>Where it was captured (<c>web-form</c>, <c>call</c>, <c>import</c>).</summary>
    public required string Source { get; set; }

    public DateTimeOffset CapturedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The proof: form id and IP, attempt id and recording, signed document reference.</summary>
    public string? Evidence { get; set; }
}
