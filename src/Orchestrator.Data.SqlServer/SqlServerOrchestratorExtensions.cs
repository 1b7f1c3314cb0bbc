using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Data.SqlServer;

/// <summary>Registers the orchestrator's database on SQL Server.</summary>
public static class SqlServerOrchestratorExtensions
{
    private static readonly string MigrationsAssembly = typeof(SqlServerOrchestratorExtensions).Assembly.GetName().Name!;

    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{TContext}"/> of <see cref="OrchestratorDbContext"/>
    /// (for the runtime, which works outside request scopes) and a scoped context drawn from it (for
    /// endpoints). Migrations are not applied here.
    /// </summary>
    /// <param name="sqlServer">
    /// Further provider options. Retries on transient errors are off by default: with them on, every
    /// explicit transaction must run inside <c>Database.CreateExecutionStrategy()</c>.
    /// </param>
    public static IServiceCollection AddOrchestratorSqlServer(
        this IServiceCollection services,
        string connectionString,
        Action<SqlServerDbContextOptionsBuilder>? sqlServer = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.AddPooledDbContextFactory<OrchestratorDbContext>(options => options.UseOrchestratorSqlServer(connectionString, sqlServer));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// Configures SQL Server with this assembly's migrations. Use it wherever a context is built by hand
    /// (tests, tools), so that the model and migrations match the host's.
    /// </summary>
    public static DbContextOptionsBuilder UseOrchestratorSqlServer(
        this DbContextOptionsBuilder options,
        string connectionString,
        Action<SqlServerDbContextOptionsBuilder>? sqlServer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseSqlServer(connectionString, builder =>
        {
            builder.MigrationsAssembly(MigrationsAssembly);
            sqlServer?.Invoke(builder);
        });
    }
}
