namespace Orchestrator.Core.Compliance;

/// <summary>
/// The hours in which a lead may be called, in the lead's own time zone.
/// <see cref="End"/> is exclusive; a window whose end is before its start runs past midnight; a window whose
/// start equals its end is open all day (on its days).
/// </summary>
public sealed record CallingWindow(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days)
{
    /// <summary>08:00–21:00 local, every day: the US federal TCPA window.</summary>
    public static CallingWindow UsFederal { get; } = new(
        new TimeOnly(8, 0), new TimeOnly(21, 0), Enum.GetValues<DayOfWeek>().ToHashSet());

    public bool IsOpenAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);

        if (Start == End)
        {
            return Days.Contains(local.DayOfWeek);
        }

        if (Start < End)
        {
            return Days.Contains(local.DayOfWeek) && time >= Start && time < End;
        }

        // Past midnight: the part after midnight belongs to the previous day's window.
        return time >= Start
            ? Days.Contains(local.DayOfWeek)
            : time < End && Days.Contains(local.AddDays(-1).DayOfWeek);
    }
}
