using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Projects;

namespace Orchestrator.Data.Leads;

/// <summary>One imported batch of leads. The counts describe the import as it happened.</summary>
public sealed class ContactList
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public string? SourceFileName { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Leads stored from the import.</summary>
    public int LeadCount { get; set; }

    /// <summary>Rows rejected (no valid number, unknown time zone, ...).</summary>
    public int InvalidCount { get; set; }

    /// <summary>Rows skipped because their external reference was already in the list.</summary>
    public int DuplicateCount { get; set; }

    public ICollection<Lead> Leads { get; } = new List<Lead>();

    public ICollection<CampaignList> Campaigns { get; } = new List<CampaignList>();
}
