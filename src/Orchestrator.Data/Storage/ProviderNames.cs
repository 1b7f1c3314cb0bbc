namespace Orchestrator.Data.Storage;

/// <summary>
/// EF provider names (<c>Database.ProviderName</c>). The model differs per provider only where a
/// provider needs it; the names are compared as strings so this assembly needs no provider package.
/// </summary>
public static class ProviderNames
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string SqlServer = "Microsoft.EntityFrameworkCore.SqlServer";
}
