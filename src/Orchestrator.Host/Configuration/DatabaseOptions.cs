namespace Orchestrator.Host.Configuration;

/// <summary>Where the durable records live. Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// <c>Sqlite</c> (default: embedded, migrations applied at start) or <c>SqlServer</c> (production;
    /// migrations are applied by the operator, never by the host).
    /// </summary>
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>
    /// The provider's connection string. Default <c>Data Source=./data/orchestrator.db</c> (SQLite, relative to the
    /// working directory; the folder is created if missing).
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=./data/orchestrator.db";
}

/// <summary>The values of <see cref="DatabaseOptions.Provider"/>.</summary>
public static class DatabaseProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public static IReadOnlyList<string> All { get; } = [Sqlite, SqlServer];
}
