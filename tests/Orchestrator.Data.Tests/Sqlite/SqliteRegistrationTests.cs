using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Data.Sqlite;

namespace Orchestrator.Data.Tests.Sqlite;

public sealed class SqliteRegistrationTests
{
    [Fact]
    public async Task AddOrchestratorSqlite_WithMissingDirectory_CreatesItAndServesFactoryAndScopedContext()
    {
        var root = SqliteTestDatabase.NewTempDirectory();
        var directory = Path.Combine(root, "nested", "data");
        try
        {
            var services = new ServiceCollection()
                .AddOrchestratorSqlite($"Data Source={Path.Combine(directory, "orchestrator.db")};Pooling=False");

            Assert.True(Directory.Exists(directory));

            await using var provider = services.BuildServiceProvider(validateScopes: true);
            var factory = provider.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
            }

            await using var scope = provider.CreateAsyncScope();
            var scoped = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
            Assert.Equal(0, await scoped.Projects.CountAsync());
        }
        finally
        {
            SqliteTestDatabase.DeleteDirectory(root);
        }
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=demo;Mode=Memory;Cache=Shared")]
    [InlineData("Data Source=file:demo?mode=memory&cache=shared")]
    [InlineData("Data Source=")]
    public void GetPath_ForInMemoryDatabases_IsNull(string connectionString) =>
        Assert.Null(SqliteDatabaseFile.GetPath(connectionString));

    [Fact]
    public void GetPath_ForRelativeSource_ResolvesAgainstTheCurrentDirectory() =>
        Assert.Equal(
            Path.Combine(Environment.CurrentDirectory, "data", "orchestrator.db"),
            SqliteDatabaseFile.GetPath("Data Source=./data/orchestrator.db"));

    [Fact]
    public void GetPath_ForFileUri_ReturnsItsPath() =>
        Assert.Equal("/var/lib/orchestrator/o.db", SqliteDatabaseFile.GetPath("Data Source=file:///var/lib/orchestrator/o.db?cache=shared"));
}
