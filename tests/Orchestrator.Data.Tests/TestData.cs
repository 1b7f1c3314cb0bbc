using Orchestrator.Core.Attempts;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Projects;

namespace Orchestrator.Data.Tests;

/// <summary>The smallest graph most tests need: a project, a list, a campaign on it and one lead with a number.</summary>
public sealed record TestData(long ProjectId, long ContactListId, long CampaignId, long LeadId, long LeadPhoneId)
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public static async Task<TestData> AddAsync(OrchestratorDbContext db)
    {
        var project = new Project { Name = "Test", CreatedAt = Now };
        var list = new ContactList { Name = "List", ImportedAt = Now };
        project.ContactLists.Add(list);
        var campaign = new Campaign { Name = "Campaign", CreatedAt = Now };
        campaign.Lists.Add(new CampaignList { ContactList = list, AddedAt = Now });
        project.Campaigns.Add(campaign);
        var lead = NewLead("L-1");
        lead.ContactList = list;
        var phone = new LeadPhone { Number = "+15550000001", Kind = PhoneKind.Mobile };
        lead.Phones.Add(phone);

        db.AddRange(project, lead);
        await db.SaveChangesAsync();
        return new TestData(project.Id, list.Id, campaign.Id, lead.Id, phone.Id);
    }

    public static Lead NewLead(string externalRef, long contactListId = 0) => new()
    {
        ContactListId = contactListId,
        ExternalRef = externalRef,
        FirstName = "Ada",
        LastName = "Lovelace",
        TimeZoneId = "America/Chicago",
        CreatedAt = Now,
    };

    public Orchestrator.Data.Attempts.Attempt NewAttempt() => new()
    {
        Id = AttemptId.New(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now)).Value,
        CampaignId = CampaignId,
        LeadId = LeadId,
        LeadPhoneId = LeadPhoneId,
        PhoneNumber = "+15550000001",
        CreatedAt = Now,
    };
}
