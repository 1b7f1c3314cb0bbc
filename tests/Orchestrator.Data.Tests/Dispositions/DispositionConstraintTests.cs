using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Dispositions;
using Orchestrator.Data.Dispositions;

namespace Orchestrator.Data.Tests.Dispositions;

public sealed class DispositionConstraintTests
{
    [Fact]
    public async Task Disposition_SecondForTheSameAttempt_IsRejected()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var data = await TestData.AddAsync(db);
        var attempt = data.NewAttempt();
        db.Attempts.Add(attempt);
        db.Dispositions.Add(NewDisposition(attempt.Id, data.LeadId, "NA", DispositionOutcome.Retry));
        await db.SaveChangesAsync();

        db.Dispositions.Add(NewDisposition(attempt.Id, data.LeadId, "SALE", DispositionOutcome.Success));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Disposition_ForAnUnknownAttempt_IsRejected()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var data = await TestData.AddAsync(db);
        db.Dispositions.Add(NewDisposition(Guid.CreateVersion7(), data.LeadId, "NA", DispositionOutcome.Retry));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static Disposition NewDisposition(Guid attemptId, long leadId, string code, DispositionOutcome outcome) => new()
    {
        AttemptId = attemptId,
        LeadId = leadId,
        Code = code,
        Outcome = outcome,
        CreatedAt = TestData.Now,
    };
}
