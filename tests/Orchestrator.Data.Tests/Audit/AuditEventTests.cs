using Microsoft.EntityFrameworkCore;
using Orchestrator.Data.Audit;

namespace Orchestrator.Data.Tests.Audit;

public sealed class AuditEventTests
{
    [Fact]
    public async Task AuditEvent_OnceSaved_CannotBeChangedOrDeleted()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var recorded = new AuditEvent
        {
            OccurredAt = TestData.Now,
            Actor = "manager1",
            Action = "campaign.started",
            EntityType = "Campaign",
            EntityId = "7",
            Details = """{"reason":"scheduled"}""",
        };
        db.AuditEvents.Add(recorded);
        await db.SaveChangesAsync();

        recorded.Action = "campaign.stopped";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        db.Entry(recorded).State = EntityState.Deleted;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var fresh = database.CreateContext();
        Assert.Equal("campaign.started", (await fresh.AuditEvents.SingleAsync()).Action);
    }
}
