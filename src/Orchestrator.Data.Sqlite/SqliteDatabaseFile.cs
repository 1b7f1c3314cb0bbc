using Microsoft.Data.Sqlite;

namespace Orchestrator.Data.Sqlite;

/// <summary>Where a SQLite connection string puts its database file.</summary>
public static class SqliteDatabaseFile
{
    private const string DataDirectoryMacro = "|DataDirectory|";

    /// <summary>
    /// The full path of the connection string's database file, or null for an in-memory or temporary
    /// database. Relative paths are resolved against the current directory, as SQLite does.
    /// </summary>
    public static string? GetPath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(source) || source == ":memory:")
        {
            return null;
        }

        if (source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var query = source.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0 && source[query..].Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            source = query >= 0 ? source[5..query] : source[5..];
            if (source.StartsWith("//", StringComparison.Ordinal))
            {
                // file:///abs/path or file://localhost/abs/path
                source = new Uri("file:" + source).LocalPath;
            }
        }

        if (source.StartsWith(DataDirectoryMacro, StringComparison.OrdinalIgnoreCase))
        {
            var dataDirectory = AppContext.GetData("DataDirectory") as string ?? AppContext.BaseDirectory;
            source = Path.Combine(dataDirectory, source[DataDirectoryMacro.Length..].TrimStart('/', '\\'));
        }

        return Path.GetFullPath(source);
    }

    /// <summary>
    /// Creates the directory of the database file if it is missing (SQLite creates the file, not its
    /// directory), so that <c>Data Source=./data/orchestrator.db</c> works on a fresh checkout.
    /// Returns the file's full path, or null for an in-memory database.
    /// </summary>
    public static string? EnsureDirectory(string connectionString)
    {
        var path = GetPath(connectionString);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return path;
    }
}
