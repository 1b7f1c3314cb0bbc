using Microsoft.EntityFrameworkCore;
using Orchestrator.Data.Leads;

namespace Orchestrator.Data.Tests.Leads;

public sealed class LeadPersistenceTests
{
    [Fact]
    public async Task DueLeads_AreFilteredAndOrderedByNextDialAtInUtc()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        long listId;
        await using (var db = database.CreateContext())
        {
            listId = (await TestData.AddAsync(db)).ContactListId;
            db.Leads.AddRange(
                Due("utc-10:00", LeadStatus.New, new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero)),
                // 09:30Z: earlier than the lead above, though its local text sorts after it.
                Due("plus2-11:30", LeadStatus.InProgress, new DateTimeOffset(2025, 6, 1, 11, 30, 0, TimeSpan.FromHours(2))),
                // 11:59Z, written in New York time.
                Due("minus4-07:59", LeadStatus.New, new DateTimeOffset(2025, 6, 1, 7, 59, 0, TimeSpan.FromHours(-4))),
                Due("future", LeadStatus.New, now.AddMinutes(1)),
                Due("closed", LeadStatus.Closed, now.AddHours(-5)),
                Due("never", LeadStatus.New, null));
            await db.SaveChangesAsync();

            Lead Due(string reference, LeadStatus status, DateTimeOffset? at)
            {
                var lead = TestData.NewLead(reference, listId);
                lead.Status = status;
                lead.NextDialAt = at;
                return lead;
            }
        }

        await using (var db = database.CreateContext())
        {
            var due = await db.Leads
                .Where(l => l.ContactListId == listId
                    && (l.Status == LeadStatus.New || l.Status == LeadStatus.InProgress)
                    && l.NextDialAt <= now)
                .OrderBy(l => l.NextDialAt)
                .Select(l => l.ExternalRef)
                .ToListAsync();

            Assert.Equal(["plus2-11:30", "utc-10:00", "minus4-07:59"], due);
        }
    }

    [Fact]
    public async Task Lead_CustomFieldsTagsAndPhones_RoundTripAndChangesInPlaceAreSaved()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        long leadId;
        await using (var db = database.CreateContext())
        {
            var data = await TestData.AddAsync(db);
            var lead = TestData.NewLead("custom", data.ContactListId);
            lead.CustomFields["policy"] = "P-42";
            lead.CustomFields["note"] = "prefers \"mornings\", ñ";
            lead.Tags.Add(new LeadTag { Tag = "vip" });
            lead.Phones.Add(new LeadPhone { Number = "+15551230001", Kind = PhoneKind.Mobile, Priority = 0 });
            lead.Phones.Add(new LeadPhone { Number = "+15551230002", Kind = PhoneKind.Work, Priority = 1 });
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            leadId = lead.Id;
        }

        await using (var db = database.CreateContext())
        {
            var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
            Assert.Equal("prefers \"mornings\", ñ", lead.CustomFields["note"]);

            lead.CustomFields["policy"] = "P-43";
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var lead = await db.Leads.Include(l => l.Phones).Include(l => l.Tags).SingleAsync(l => l.Id == leadId);
            Assert.Equal("P-43", lead.CustomFields["policy"]);
            Assert.Equal(["+15551230001", "+15551230002"], lead.Phones.OrderBy(p => p.Priority).Select(p => p.Number));
            Assert.Equal("vip", Assert.Single(lead.Tags).Tag);
            Assert.Equal(1, lead.Version);
        }
    }

    [Fact]
    public async Task Lead_SavedFromAStaleCopy_IsRejected()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        long leadId;
        await using (var db = database.CreateContext())
        {
            leadId = (await TestData.AddAsync(db)).LeadId;
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Leads.SingleAsync(l => l.Id == leadId);
        var theirs = await second.Leads.SingleAsync(l => l.Id == leadId);

        mine.Status = LeadStatus.Closed;
        await first.SaveChangesAsync();
        theirs.Status = LeadStatus.Callback;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Lead_ExternalRef_IsUniqueWithinItsList()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var data = await TestData.AddAsync(db);
        db.Leads.Add(TestData.NewLead("L-1", data.ContactListId));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
