namespace Orchestrator.Data.Leads;

/// <summary>One of a lead's numbers. Numbers are tried by <see cref="Priority"/>, lowest first.</summary>
public sealed class LeadPhone
{
    public long Id { get; set; }

    public long LeadId { get; set; }

    public Lead? Lead { get; set; }

    /// <summary>E.164 (<c>+15551234567</c>).</summary>
    public required string Number { get; set; }

    public PhoneKind Kind { get; set; }

    public int Priority { get; set; }

    /// <summary>False once the number proved wrong or unroutable; it is not dialed again.</summary>
    public bool IsValid { get; set; } = true;

    public int AttemptCount { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>After an abandoned call: not redialed before this instant unless an agent is guaranteed.</summary>
    public DateTimeOffset? ProtectedUntil { get; set; }
}
