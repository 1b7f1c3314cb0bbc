using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Data.Sqlite;

namespace Orchestrator.Data.Tests;

/// <summary>A real SQLite file in its own temporary directory, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private SqliteTestDatabase(string directory)
    {
        Directory = directory;
        FilePath = Path.Combine(directory, "orchestrator.db");

        // No pooling: every connection is closed when EF is done with it, so the directory can be deleted.
        ConnectionString = $"Data Source={FilePath};Pooling=False";
    }

    public string Directory { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>A directory under the temp path that does not exist yet.</summary>
    public static string NewTempDirectory() =>
        Path.Combine(Path.GetTempPath(), "orchestrator-data-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A fresh file with every migration applied.</summary>
    public static async Task<SqliteTestDatabase> CreateMigratedAsync()
    {
        var database = new SqliteTestDatabase(NewTempDirectory());
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public OrchestratorDbContext CreateContext() => new(CreateOptions(ConnectionString));

    public static DbContextOptions<OrchestratorDbContext> CreateOptions(string connectionString)
    {
        var options = new DbContextOptionsBuilder<OrchestratorDbContext>();
        options.UseOrchestratorSqlite(connectionString);
        return options.Options;
    }

    /// <summary>Runs a scalar query on a plain connection, to see what is really stored.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        DeleteDirectory(Directory);
        return ValueTask.CompletedTask;
    }

    public static void DeleteDirectory(string directory)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
