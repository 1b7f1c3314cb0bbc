using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Data;
using Orchestrator.Data.Sqlite;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Hosting;

/// <summary>
/// Brings the database up to date before anything reads it: SQLite (the embedded default) is migrated at start;
/// SQL Server never is — a production schema changes by a reviewed script, not by whichever instance starts first.
/// </summary>
internal sealed class DatabaseStartup(
    IDbContextFactory<OrchestratorDbContext> databases,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(options.Value.Provider, DatabaseProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            HostLog.SqlServerNotMigrated(logger);
            return;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        HostLog.SqliteMigrated(logger, SqliteDatabaseFile.GetPath(options.Value.ConnectionString) ?? "(in memory)", pending);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
