using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Data.SqlServer;

namespace Orchestrator.Data.Tests.SqlServer;

/// <summary>Registration only: contexts are created, never connected (no SQL Server runs here).</summary>
public sealed class SqlServerRegistrationTests
{
    [Fact]
    public async Task AddOrchestratorSqlServer_ServesFactoryAndScopedContextWithItsOwnMigrations()
    {
        var services = new ServiceCollection()
            .AddOrchestratorSqlServer("Server=sqlserver.invalid;Database=Orchestrator;Integrated Security=true");
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        await using var fromFactory = await provider.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync();
        await using var scope = provider.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();

        Assert.True(fromFactory.Database.IsSqlServer());
        Assert.True(scoped.Database.IsSqlServer());
        Assert.Equal(typeof(SqlServerOrchestratorExtensions).Assembly, scoped.GetService<IMigrationsAssembly>().Assembly);
        Assert.Contains(scoped.Database.GetMigrations(), id => id.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }
}
