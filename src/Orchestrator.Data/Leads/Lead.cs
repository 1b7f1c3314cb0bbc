using Orchestrator.Core.Dispositions;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Leads;

/// <summary>A person to call, with one or more numbers.</summary>
public sealed class Lead : IVersioned
{
    public long Id { get; set; }

    public long ContactListId { get; set; }

    public ContactList? ContactList { get; set; }

    /// <summary>The lead's id in the customer's system; unique within the list when present.</summary>
    public string? ExternalRef { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public string? Email { get; set; }

    /// <summary>IANA time zone (<c>America/Chicago</c>): the calling window is applied in it.</summary>
    public required string TimeZoneId { get; set; }

    public LeadStatus Status { get; set; } = LeadStatus.New;

    public LeadClosureReason? ClosureReason { get; set; }

    public int AttemptCount { get; set; }

    /// <summary>Not to be dialed before this instant; null for a lead that is not due (closed, opted out).</summary>
    public DateTimeOffset? NextDialAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The agent who owns the lead (agent-owned callbacks, follow-ups); null for anyone.</summary>
    public long? OwnerAgentId { get; set; }

    /// <summary>
    /// The import's extra columns by name, shown on the screen pop and passed to questionnaires.
    /// Stored as one JSON object: they differ per list, are read whole and are not searched.
    /// </summary>
    public Dictionary<string, string> CustomFields { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }

    public ICollection<LeadPhone> Phones { get; } = new List<LeadPhone>();

    public ICollection<LeadTag> Tags { get; } = new List<LeadTag>();
}
