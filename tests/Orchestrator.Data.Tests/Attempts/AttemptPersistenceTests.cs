using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Calls;
using Orchestrator.Data.Attempts;

namespace Orchestrator.Data.Tests.Attempts;

public sealed class AttemptPersistenceTests
{
    [Fact]
    public async Task Attempt_RoundTripsTimestampsEnumsAndItsId()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var created = new DateTimeOffset(2025, 6, 1, 9, 30, 0, TimeSpan.FromHours(-5)).AddTicks(1234567);
        Attempt written;
        await using (var db = database.CreateContext())
        {
            var data = await TestData.AddAsync(db);
            written = data.NewAttempt();
            written.CreatedAt = created;
            written.DialedAt = created.AddMilliseconds(40);
            written.AnsweredAt = created.AddSeconds(7);
            written.ConnectedAt = created.AddSeconds(7.3);
            written.EndedAt = created.AddMinutes(2);
            written.Result = AttemptResult.Connected;
            written.HangupCause = HangupCause.NormalClearing;
            written.RawHangupCause = "16";
            written.AmdResult = AmdResult.Human;
            written.SwitchName = "sim-1";
            written.SwitchChannelId = written.AttemptId.ToString();
            db.Attempts.Add(written);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var read = await db.Attempts.SingleAsync(a => a.Id == written.Id);

            Assert.Equal(written.AttemptId, read.AttemptId);
            Assert.Equal(created, read.CreatedAt);
            Assert.Equal(created.UtcTicks, read.CreatedAt.UtcTicks);
            Assert.Equal(TimeSpan.Zero, read.CreatedAt.Offset);
            Assert.Equal(written.DialedAt, read.DialedAt);
            Assert.Equal(written.AnsweredAt, read.AnsweredAt);
            Assert.Equal(written.ConnectedAt, read.ConnectedAt);
            Assert.Equal(written.EndedAt, read.EndedAt);
            Assert.Equal(AttemptResult.Connected, read.Result);
            Assert.Equal(HangupCause.NormalClearing, read.HangupCause);
            Assert.Equal(AmdResult.Human, read.AmdResult);
            Assert.Equal("16", read.RawHangupCause);
        }

        // Enums are stored by name, for people reading the tables.
        Assert.Equal("Connected", await database.ScalarAsync("SELECT Result FROM Attempts"));
        Assert.Equal("NormalClearing", await database.ScalarAsync("SELECT HangupCause FROM Attempts"));
    }

    [Fact]
    public async Task Attempts_ByCampaign_FilterAndOrderByCreatedAtAcrossOffsets()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var data = await TestData.AddAsync(db);
        var early = data.NewAttempt();
        early.CreatedAt = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(3)); // 09:00Z
        var late = data.NewAttempt();
        late.CreatedAt = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
        db.Attempts.AddRange(late, early);
        await db.SaveChangesAsync();

        var since = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var ids = await db.Attempts
            .Where(a => a.CampaignId == data.CampaignId && a.CreatedAt >= since)
            .OrderBy(a => a.CreatedAt)
            .Select(a => a.Id)
            .ToListAsync();

        Assert.Equal([early.Id, late.Id], ids);
    }
}
