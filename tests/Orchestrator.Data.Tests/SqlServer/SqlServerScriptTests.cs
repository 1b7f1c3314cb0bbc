using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Orchestrator.Data.SqlServer;

namespace Orchestrator.Data.Tests.SqlServer;

/// <summary>
/// SQL Server itself is not exercised here: no server runs in this environment. These tests build the
/// SQL Server model and migrations script offline (nothing connects) and check them for completeness.
/// The script is written next to the test assembly as <c>sqlserver-migration.sql</c> for review.
/// </summary>
public sealed class SqlServerScriptTests
{
    // Never opened: the host name cannot resolve.
    private const string UnusedConnectionString = "Server=sqlserver.invalid;Database=Orchestrator;Integrated Security=true";

    [Fact]
    public void Model_HasNoChangesMissingFromTheSqlServerMigrations()
    {
        using var db = CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh to add a migration for the model change.");
    }

    [Fact]
    public async Task MigrationScript_CreatesEveryTableAndIndexOfTheModel()
    {
        using var db = CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript();
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "sqlserver-migration.sql"), script);

        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var table = entityType.GetTableName()!;
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);

            foreach (var index in entityType.GetIndexes())
            {
                var pattern = $@"CREATE (UNIQUE )?((NON)?CLUSTERED )?INDEX \[{Regex.Escape(index.GetDatabaseName()!)}\] ON \[{Regex.Escape(table)}\]";
                Assert.Matches(pattern, script);
            }
        }
    }

    [Fact]
    public void MigrationScript_KeepsNativeDateTimeOffsetAndClustersAttemptsByCampaignAndTime()
    {
        using var db = CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("[CreatedAt] datetimeoffset NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [PK_Attempts] PRIMARY KEY NONCLUSTERED ([Id])", script, StringComparison.Ordinal);
        Assert.Contains("CREATE CLUSTERED INDEX [IX_Attempts_CampaignId_CreatedAt]", script, StringComparison.Ordinal);
    }

    private static OrchestratorDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<OrchestratorDbContext>();
        options.UseOrchestratorSqlServer(UnusedConnectionString);
        return new OrchestratorDbContext(options.Options);
    }
}
