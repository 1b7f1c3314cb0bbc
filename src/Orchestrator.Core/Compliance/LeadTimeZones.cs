using System.Diagnostics.CodeAnalysis;

namespace Orchestrator.Core.Compliance;

/// <summary>
/// Resolves a lead's time zone id for the calling window. Stricter than <see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/>,
/// which on Linux also opens whatever file of the zoneinfo folder the id names: <c>localtime</c> (the server's own
/// zone, not the lead's), <c>Factory</c> (a placeholder) and the <c>right/</c> zones (clocks that count leap seconds,
/// about half a minute off) would all pass there and evaluate the window in the wrong place.
/// </summary>
public static class LeadTimeZones
{
    private static readonly string[] NotALeadsZone = ["localtime", "Factory", "posixrules"];
    private static readonly string[] NotALeadsFolder = ["right/", "posix/"];

    public static bool TryResolve(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id)
            || NotALeadsZone.Any(name => string.Equals(id, name, StringComparison.OrdinalIgnoreCase))
            || NotALeadsFolder.Any(folder => id.StartsWith(folder, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }
}
