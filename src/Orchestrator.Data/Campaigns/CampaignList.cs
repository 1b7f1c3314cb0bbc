using Orchestrator.Data.Leads;

namespace Orchestrator.Data.Campaigns;

/// <summary>A contact list a campaign draws leads from. Lists with a lower <see cref="Priority"/> are drawn first.</summary>
public sealed class CampaignList
{
    public long CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public long ContactListId { get; set; }

    public ContactList? ContactList { get; set; }

    public int Priority { get; set; }

    /// <summary>An inactive list stays linked but gives no leads.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset AddedAt { get; set; }
}
