using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Orchestrator.Data.SqlServer;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without the host. The connection string comes from the
/// <c>ORCHESTRATOR_SQLSERVER</c> environment variable, else a local default; adding a migration or
/// generating a script does not connect, <c>dotnet ef database update</c> does.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OrchestratorDbContext>
{
    public const string DefaultConnectionString =
        "Server=localhost;Database=Orchestrator;Integrated Security=true;TrustServerCertificate=true";

    public OrchestratorDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ORCHESTRATOR_SQLSERVER") is { Length: > 0 } configured
            ? configured
            : DefaultConnectionString;

        var options = new DbContextOptionsBuilder<OrchestratorDbContext>();
        options.UseOrchestratorSqlServer(connectionString);
        return new OrchestratorDbContext(options.Options);
    }
}
