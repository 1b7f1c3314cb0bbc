using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Orchestrator.Data.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without the host. The connection string comes from the
/// <c>ORCHESTRATOR_SQLITE</c> environment variable, else <c>data/orchestrator.db</c> under the repository
/// root (where the host run from the root keeps it; <c>dotnet ef</c> itself runs in the project directory).
/// Adding a migration does not open the file; <c>dotnet ef database update</c> does.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OrchestratorDbContext>
{
    public OrchestratorDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ORCHESTRATOR_SQLITE") is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(FindRepositoryRoot(), "data", "orchestrator.db")}";

        var options = new DbContextOptionsBuilder<OrchestratorDbContext>();
        options.UseOrchestratorSqlite(connectionString);
        return new OrchestratorDbContext(options.Options);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
