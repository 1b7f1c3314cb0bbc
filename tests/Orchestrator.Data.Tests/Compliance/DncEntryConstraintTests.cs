using Microsoft.EntityFrameworkCore;
using Orchestrator.Data.Compliance;

namespace Orchestrator.Data.Tests.Compliance;

public sealed class DncEntryConstraintTests
{
    private const string Number = "+15557654321";

    [Fact]
    public async Task GlobalEntry_TwiceForTheSameNumber_IsRejected()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        db.DncEntries.Add(Entry(DncScope.Global, null));
        await db.SaveChangesAsync();

        db.DncEntries.Add(Entry(DncScope.Global, null));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ProjectEntry_TwiceForTheSameNumberAndProject_IsRejected()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var projectId = (await TestData.AddAsync(db)).ProjectId;
        db.DncEntries.Add(Entry(DncScope.Project, projectId));
        await db.SaveChangesAsync();

        db.DncEntries.Add(Entry(DncScope.Project, projectId));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SameNumber_GloballyAndForAProject_IsAccepted()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var projectId = (await TestData.AddAsync(db)).ProjectId;
        db.DncEntries.AddRange(Entry(DncScope.Global, null), Entry(DncScope.Project, projectId));

        await db.SaveChangesAsync();

        Assert.Equal(2, await db.DncEntries.CountAsync(e => e.Number == Number));
    }

    [Fact]
    public async Task ProjectEntry_WithoutProject_IsRejected()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        db.DncEntries.Add(Entry(DncScope.Project, null));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static DncEntry Entry(DncScope scope, long? projectId) => new()
    {
        Number = Number,
        Scope = scope,
        ProjectId = projectId,
        Source = DncSource.OptOut,
        AddedAt = TestData.Now,
    };
}
