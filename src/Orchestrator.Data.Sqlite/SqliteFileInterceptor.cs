using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Orchestrator.Data.Sqlite;

/// <summary>
/// Prepares a database file the first time this process opens it: creates its directory (SQLite creates
/// the file, not the directory) and switches it to write-ahead logging, in which readers (the API,
/// reports) and the runtime's writes do not block each other. WAL is stored in the file, so both steps
/// run once per connection string and process.
/// </summary>
internal sealed class SqliteFileInterceptor : DbConnectionInterceptor
{
    public static SqliteFileInterceptor Instance { get; } = new();

    private readonly ConcurrentDictionary<string, bool> _directoryReady = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _walReady = new(StringComparer.Ordinal);

    public override InterceptionResult ConnectionOpening(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        EnsureDirectory(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        EnsureDirectory(connection);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!_walReady.ContainsKey(connection.ConnectionString))
        {
            using var command = CreateWalCommand(connection);
            command.ExecuteNonQuery();
            _walReady[connection.ConnectionString] = true;
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_walReady.ContainsKey(connection.ConnectionString))
        {
            var command = CreateWalCommand(connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            _walReady[connection.ConnectionString] = true;
        }
    }

    private void EnsureDirectory(DbConnection connection)
    {
        if (!_directoryReady.ContainsKey(connection.ConnectionString))
        {
            SqliteDatabaseFile.EnsureDirectory(connection.ConnectionString);
            _directoryReady[connection.ConnectionString] = true;
        }
    }

    private static DbCommand CreateWalCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        return command;
    }
}
