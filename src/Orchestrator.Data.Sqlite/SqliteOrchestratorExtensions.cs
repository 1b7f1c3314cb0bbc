using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Data.Sqlite;

/// <summary>Registers the orchestrator's database on SQLite, the embedded default.</summary>
public static class SqliteOrchestratorExtensions
{
    private static readonly string MigrationsAssembly = typeof(SqliteOrchestratorExtensions).Assembly.GetName().Name!;

    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{TContext}"/> of <see cref="OrchestratorDbContext"/>
    /// (for the runtime, which works outside request scopes) and a scoped context drawn from it (for
    /// endpoints). Creates the database file's directory if it is missing. Migrations are not applied here.
    /// </summary>
    /// <param name="connectionString">For example <c>Data Source=./data/orchestrator.db</c>.</param>
    /// <param name="sqlite">Further provider options (command timeout, ...).</param>
    public static IServiceCollection AddOrchestratorSqlite(
        this IServiceCollection services,
        string connectionString,
        Action<SqliteDbContextOptionsBuilder>? sqlite = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        SqliteDatabaseFile.EnsureDirectory(connectionString);
        services.AddPooledDbContextFactory<OrchestratorDbContext>(options => options.UseOrchestratorSqlite(connectionString, sqlite));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// Configures SQLite with this assembly's migrations, write-ahead logging, and creation of the file's
    /// directory on first open. Use it wherever a context is built by hand (tests, tools), so that the
    /// model and migrations match the host's.
    /// </summary>
    public static DbContextOptionsBuilder UseOrchestratorSqlite(
        this DbContextOptionsBuilder options,
        string connectionString,
        Action<SqliteDbContextOptionsBuilder>? sqlite = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseSqlite(connectionString, builder =>
            {
                builder.MigrationsAssembly(MigrationsAssembly);
                sqlite?.Invoke(builder);
            })
            .AddInterceptors(SqliteFileInterceptor.Instance);
    }
}
