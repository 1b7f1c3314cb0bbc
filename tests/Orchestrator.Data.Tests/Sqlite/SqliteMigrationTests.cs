using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Data.Tests.Sqlite;

public sealed class SqliteMigrationTests
{
    [Fact]
    public async Task Migrate_OnFreshFile_CreatesEveryTableOfTheModel()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();

        var modelTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order().ToList();
        var fileTables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
            .ToListAsync();

        Assert.NotEmpty(modelTables);
        Assert.All(modelTables, table => Assert.Contains(table, fileTables));
        Assert.Contains("__EFMigrationsHistory", fileTables);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_UsesWriteAheadLogging()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();

        Assert.Equal("wal", await database.ScalarAsync("PRAGMA journal_mode;"));
    }

    [Fact]
    public void Model_HasNoChangesMissingFromTheSqliteMigrations()
    {
        // Built, never opened: the file does not exist.
        var path = Path.Combine(SqliteTestDatabase.NewTempDirectory(), "never-opened.db");
        using var db = new OrchestratorDbContext(SqliteTestDatabase.CreateOptions($"Data Source={path}"));

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh to add a migration for the model change.");
    }

    [Fact]
    public async Task DateTimeOffsetColumns_AreStoredAsUtcTicks()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            await TestData.AddAsync(db);
        }

        Assert.Equal("integer", await database.ScalarAsync("SELECT typeof(CreatedAt) FROM Projects"));
        Assert.Equal(TestData.Now.UtcTicks, await database.ScalarAsync("SELECT CreatedAt FROM Projects"));
    }
}
