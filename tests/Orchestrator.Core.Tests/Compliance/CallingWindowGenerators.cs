using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Orchestrator.Core.Compliance;

namespace Orchestrator.Core.Tests.Compliance;

/// <summary>
/// Generators for calling-window properties. Instants are biased towards the places where window logic
/// breaks: the window's own edges in the lead's wall clock, and the zone's offset transitions.
/// </summary>
internal static class CallingWindowGenerators
{
    /// <summary>Zones with DST both ways, half- and quarter-hour offsets, a skipped calendar day (Apia, 2011) and none.</summary>
    public static readonly string[] ZoneIds =
    [
        "UTC", "America/New_York", "America/Chicago", "America/Los_Angeles", "America/Phoenix", "America/St_Johns",
        "America/Sao_Paulo", "America/Santiago", "Europe/London", "Europe/Berlin", "Africa/Casablanca", "Asia/Tehran",
        "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham",
        "Pacific/Apia", "Pacific/Kiritimati",
    ];

    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int SpanSeconds = 1_200_000_000; // about 38 years from 2000
    private const int SpanDays = SpanSeconds / 86_400;

    private static readonly Dictionary<string, DateTimeOffset[]> Transitions =
        ZoneIds.ToDictionary(id => id, id => FindTransitions(TimeZoneInfo.FindSystemTimeZoneById(id)));

    public static Gen<TimeOnly> TimeOfDay { get; } = Gen.Frequency(
        (6, Gen.Choose(0, 1439).Select(minute => new TimeOnly(minute / 60, minute % 60))),
        (2, Gen.Choose(0, 86_399).Select(second => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(second)))),
        (1, Gen.Elements(TimeOnly.MinValue, TimeOnly.MaxValue, new TimeOnly(0, 0, 0, 0, 1))));

    public static Gen<CallingWindow> Windows { get; } =
        from start in TimeOfDay
        from end in TimeOfDay
        from allDay in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from days in Gen.SubListOf(Enum.GetValues<DayOfWeek>())
        select new CallingWindow(start, allDay ? start : end, days.ToHashSet());

    public static Gen<WindowCase> Cases { get; } =
        from zoneId in Gen.Elements(ZoneIds)
        from window in Windows
        from instant in Instants(zoneId, window)
        select new WindowCase(window, zoneId, instant);

    public static Gen<DateTimeOffset> Instants(string zoneId, CallingWindow window)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var choices = new List<(int, Gen<DateTimeOffset>)> { (3, Uniform), (4, AtWallClock(zone, window)) };
        if (Transitions[zoneId].Length > 0)
        {
            choices.Add((3, NearTransition(Transitions[zoneId])));
        }

        return Gen.Frequency(choices.ToArray());
    }

    private static Gen<DateTimeOffset> Uniform { get; } =
        from seconds in Gen.Choose(0, SpanSeconds)
        from ticks in Gen.Choose(0, (int)TimeSpan.TicksPerSecond - 1)
        select Epoch.AddSeconds(seconds).AddTicks(ticks);

    /// <summary>An instant whose wall-clock time in the zone is at (or one tick before) an edge of the window.</summary>
    private static Gen<DateTimeOffset> AtWallClock(TimeZoneInfo zone, CallingWindow window)
    {
        TimeOnly[] edges =
        [
            window.Start, window.End, Before(window.Start), Before(window.End), TimeOnly.MinValue, TimeOnly.MaxValue,
        ];
        return from day in Gen.Choose(1, SpanDays)
               from time in Gen.Frequency((4, Gen.Elements(edges)), (1, TimeOfDay))
               from pick in Gen.Choose(0, 1)
               select FromWallClock(Epoch.UtcDateTime.Date.AddDays(day) + time.ToTimeSpan(), zone, pick);
    }

    private static Gen<DateTimeOffset> NearTransition(DateTimeOffset[] transitions) =>
        from transition in Gen.Elements(transitions)
        from delta in Gen.Elements(
            TimeSpan.Zero, TimeSpan.FromTicks(-1), TimeSpan.FromTicks(1), TimeSpan.FromMinutes(-30), TimeSpan.FromMinutes(30),
            TimeSpan.FromHours(-1), TimeSpan.FromHours(1), TimeSpan.FromHours(-2), TimeSpan.FromHours(2), TimeSpan.FromHours(-24))
        select transition + delta;

    private static TimeOnly Before(TimeOnly time) =>
        new((time.Ticks - 1 + TimeSpan.TicksPerDay) % TimeSpan.TicksPerDay);

    /// <summary>An instant showing <paramref name="wall"/> in the zone; for a repeated time, one of the two.</summary>
    private static DateTimeOffset FromWallClock(DateTime wall, TimeZoneInfo zone, int pick)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(wall))
        {
            offset = zone.BaseUtcOffset; // in a gap: some instant near it
        }
        else if (zone.IsAmbiguousTime(wall))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(wall);
            offset = offsets[pick % offsets.Length];
        }
        else
        {
            offset = zone.GetUtcOffset(wall);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(wall - offset, DateTimeKind.Utc));
    }

    /// <summary>Every instant in the generated range at which the zone's UTC offset changes, to the second.</summary>
    private static DateTimeOffset[] FindTransitions(TimeZoneInfo zone)
    {
        var found = new List<DateTimeOffset>();
        var end = Epoch.AddSeconds(SpanSeconds);
        for (var day = Epoch; day < end; day = day.AddDays(1))
        {
            var next = day.AddDays(1);
            if (zone.GetUtcOffset(day) == zone.GetUtcOffset(next))
            {
                continue;
            }

            var (low, high) = (day, next); // offset(low) != offset(high); narrow to one second
            while (high - low > TimeSpan.FromSeconds(1))
            {
                var mid = low + ((high - low) / 2);
                mid = mid.AddTicks(-(mid.Ticks % TimeSpan.TicksPerSecond));
                if (mid == low)
                {
                    break;
                }

                if (zone.GetUtcOffset(mid) == zone.GetUtcOffset(low))
                {
                    low = mid;
                }
                else
                {
                    high = mid;
                }
            }

            found.Add(high);
        }

        return found.ToArray();
    }
}

/// <summary>One generated case, printed readably when a property fails.</summary>
internal sealed record WindowCase(CallingWindow Window, string ZoneId, DateTimeOffset Instant)
{
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Window.Start:HH:mm:ss.fffffff}-{Window.End:HH:mm:ss.fffffff} [{string.Join(",", Window.Days.Order())}] in {ZoneId} at {Instant:O}");
}
