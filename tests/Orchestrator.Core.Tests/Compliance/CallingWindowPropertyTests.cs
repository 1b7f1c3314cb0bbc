using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orchestrator.Core.Compliance;

namespace Orchestrator.Core.Tests.Compliance;

[Properties(Replay = PropertySeeds.Replay, MaxTest = 3000)]
public sealed class CallingWindowPropertyTests
{
    [Property]
    public Property IsOpenAt_ForAnyInstantWindowAndZone_MatchesABruteForceWallClockCheck() =>
        Prop.ForAll(
            CallingWindowGenerators.Cases.ToArbitrary(),
            c => c.Window.IsOpenAt(c.Instant, c.Zone) == BruteForceIsOpen(c.Window, c.Instant, c.Zone));

    [Property]
    public Property IsOpenAt_DependsOnTheInstantNotOnTheOffsetItIsWrittenIn() =>
        Prop.ForAll(
            CallingWindowGenerators.Cases.ToArbitrary(),
            Gen.Choose(-14 * 60, 14 * 60).ToArbitrary(),
            (c, offsetMinutes) =>
                c.Window.IsOpenAt(c.Instant.ToOffset(TimeSpan.FromMinutes(offsetMinutes)), c.Zone) == c.Window.IsOpenAt(c.Instant, c.Zone));

    [Fact]
    public void BruteForce_AgreesWithHandCheckedCases()
    {
        // The oracle itself, on cases checked by hand (see CallingWindowUnitTests).
        var ny = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var friday = new HashSet<DayOfWeek> { DayOfWeek.Friday };
        var nights = new CallingWindow(new TimeOnly(22, 0), new TimeOnly(2, 0), friday);

        Assert.True(BruteForceIsOpen(nights, new DateTimeOffset(2025, 6, 7, 5, 30, 0, TimeSpan.Zero), ny)); //  Sat 01:30 EDT
        Assert.False(BruteForceIsOpen(nights, new DateTimeOffset(2025, 6, 7, 6, 0, 0, TimeSpan.Zero), ny)); // Sat 02:00 EDT
        Assert.True(BruteForceIsOpen(CallingWindow.UsFederal, new DateTimeOffset(2025, 11, 2, 13, 0, 0, TimeSpan.Zero), ny));
        Assert.False(BruteForceIsOpen(CallingWindow.UsFederal, new DateTimeOffset(2025, 11, 2, 12, 59, 59, TimeSpan.Zero), ny));
    }

    /// <summary>
    /// The window as explicit wall-clock intervals, one per allowed calendar day, tested by membership:
    /// all day is [day 00:00, next day 00:00); same day is [day+Start, day+End); past midnight is
    /// [day+Start, next day+End). Only yesterday's and today's intervals can contain "now".
    /// </summary>
    private static bool BruteForceIsOpen(CallingWindow window, DateTimeOffset instant, TimeZoneInfo zone)
    {
        var utc = instant.UtcDateTime;
        var wall = DateTime.SpecifyKind(utc + zone.GetUtcOffset(utc), DateTimeKind.Unspecified);

        foreach (var day in new[] { wall.Date.AddDays(-1), wall.Date })
        {
            if (!window.Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            DateTime open, close;
            if (window.Start == window.End)
            {
                (open, close) = (day, day.AddDays(1));
            }
            else if (window.Start < window.End)
            {
                (open, close) = (day + window.Start.ToTimeSpan(), day + window.End.ToTimeSpan());
            }
            else
            {
                (open, close) = (day + window.Start.ToTimeSpan(), day.AddDays(1) + window.End.ToTimeSpan());
            }

            if (open <= wall && wall < close)
            {
                return true;
            }
        }

        return false;
    }
}
