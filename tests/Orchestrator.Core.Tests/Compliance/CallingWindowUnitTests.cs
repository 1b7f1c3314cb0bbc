using System.Globalization;
using Orchestrator.Core.Compliance;

namespace Orchestrator.Core.Tests.Compliance;

public sealed class CallingWindowUnitTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.FindSystemTimeZoneById("UTC");

    private static readonly HashSet<DayOfWeek> EveryDay = Enum.GetValues<DayOfWeek>().ToHashSet();

    // 2025-06-06 is a Friday; 2025-03-09 and 2025-11-02 are the US DST Sundays.
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static CallingWindow Window(int startHour, int startMinute, int endHour, int endMinute, params DayOfWeek[] days) =>
        new(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute), days.Length == 0 ? EveryDay : days.ToHashSet());

    private static int OpenMinutes(CallingWindow window, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var open = 0;
        for (var t = from; t < to; t = t.AddMinutes(1))
        {
            if (window.IsOpenAt(t, zone))
            {
                open++;
            }
        }

        return open;
    }

    // ---- Exclusive end, inclusive start -------------------------------------------------------------

    [Theory]
    [InlineData("2025-06-04T11:59:59.9999999Z", false)] // 07:59:59.9999999 EDT
    [InlineData("2025-06-04T12:00:00Z", true)] //          08:00 EDT: start is inclusive
    [InlineData("2025-06-05T00:59:59.9999999Z", true)] //  20:59:59.9999999 EDT
    [InlineData("2025-06-05T01:00:00Z", false)] //         21:00 EDT: end is exclusive
    public void UsFederal_AtItsEdges_StartIsInclusiveAndEndIsExclusive(string instant, bool open)
    {
        Assert.Equal(open, CallingWindow.UsFederal.IsOpenAt(At(instant), NewYork));
    }

    [Fact]
    public void UsFederal_Is8To21EveryDay()
    {
        Assert.Equal(new TimeOnly(8, 0), CallingWindow.UsFederal.Start);
        Assert.Equal(new TimeOnly(21, 0), CallingWindow.UsFederal.End);
        Assert.Equal(EveryDay, CallingWindow.UsFederal.Days);
    }

    [Fact]
    public void SameDayWindow_OnADayNotListed_IsClosedAllDay()
    {
        var weekdays = Window(9, 0, 17, 0, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

        Assert.True(weekdays.IsOpenAt(At("2025-06-06T12:00:00Z"), Utc)); // Friday
        Assert.False(weekdays.IsOpenAt(At("2025-06-07T12:00:00Z"), Utc)); // Saturday
    }

    [Fact]
    public void IsOpenAt_WithNullZone_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CallingWindow.UsFederal.IsOpenAt(At("2025-06-04T12:00:00Z"), null!));
    }

    // ---- Windows past midnight ----------------------------------------------------------------------

    [Theory]
    [InlineData("2025-06-06T21:59:59.9999999Z", false)] // Friday, before the start
    [InlineData("2025-06-06T22:00:00Z", true)] //          Friday, the start
    [InlineData("2025-06-06T23:30:00Z", true)] //          Friday evening
    [InlineData("2025-06-07T00:00:00Z", true)] //          Saturday midnight: still Friday's window
    [InlineData("2025-06-07T01:59:59.9999999Z", true)] //  Saturday early morning: Friday's window
    [InlineData("2025-06-07T02:00:00Z", false)] //         Saturday 02:00: the exclusive end
    [InlineData("2025-06-07T22:30:00Z", false)] //         Saturday evening: Saturday is not allowed
    [InlineData("2025-06-06T01:30:00Z", false)] //         Friday early morning: Thursday's window, not allowed
    [InlineData("2025-06-06T12:00:00Z", false)] //         Friday midday: between the parts
    public void PastMidnightWindow_PartAfterMidnight_BelongsToThePreviousDay(string instant, bool open)
    {
        var fridayNights = Window(22, 0, 2, 0, DayOfWeek.Friday);

        Assert.Equal(open, fridayNights.IsOpenAt(At(instant), Utc));
    }

    [Fact]
    public void PastMidnightWindow_OnSaturday_RunsIntoSunday()
    {
        var saturdayNights = Window(22, 0, 2, 0, DayOfWeek.Saturday);

        Assert.True(saturdayNights.IsOpenAt(At("2025-06-08T01:00:00Z"), Utc)); // Sunday 01:00
        Assert.False(saturdayNights.IsOpenAt(At("2025-06-09T01:00:00Z"), Utc)); // Monday 01:00
    }

    [Fact]
    public void PastMidnightWindow_InLeadZone_UsesTheLeadsCalendarDay()
    {
        var fridayNights = Window(22, 0, 2, 0, DayOfWeek.Friday);

        // Saturday 2025-06-07 05:30Z is Saturday 01:30 EDT: inside Friday's window in New York,
        // but Saturday 05:30 in UTC, which is outside the window.
        Assert.True(fridayNights.IsOpenAt(At("2025-06-07T05:30:00Z"), NewYork));
        Assert.False(fridayNights.IsOpenAt(At("2025-06-07T05:30:00Z"), Utc));
    }

    // ---- All-day windows ----------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-06-01T23:59:59.9999999Z", false)] // Sunday, last tick
    [InlineData("2025-06-02T00:00:00Z", true)] //          Monday, first tick
    [InlineData("2025-06-02T12:00:00Z", true)]
    [InlineData("2025-06-02T23:59:59.9999999Z", true)] //  Monday, last tick
    [InlineData("2025-06-03T00:00:00Z", false)] //         Tuesday, first tick
    public void AllDayWindow_StartEqualsEnd_IsOpenExactlyOnItsDays(string instant, bool open)
    {
        var mondays = Window(0, 0, 0, 0, DayOfWeek.Monday);

        Assert.Equal(open, mondays.IsOpenAt(At(instant), Utc));
    }

    [Theory]
    [InlineData("2025-06-02T08:00:00Z", true)] //  Monday before 09:00: open, the day is whole
    [InlineData("2025-06-02T23:00:00Z", true)]
    [InlineData("2025-06-03T08:00:00Z", false)] // Tuesday before 09:00: not a 09:00-to-09:00 window from Monday
    public void AllDayWindow_NotStartingAtMidnight_IsStillTheWholeCalendarDay(string instant, bool open)
    {
        var mondays = Window(9, 0, 9, 0, DayOfWeek.Monday);

        Assert.Equal(open, mondays.IsOpenAt(At(instant), Utc));
    }

    [Fact]
    public void AllDayWindow_DaysAreTheLeadsDays()
    {
        var mondays = Window(0, 0, 0, 0, DayOfWeek.Monday);
        var tuesday0300Utc = At("2025-06-03T03:00:00Z"); // Monday 23:00 EDT

        Assert.True(mondays.IsOpenAt(tuesday0300Utc, NewYork));
        Assert.False(mondays.IsOpenAt(tuesday0300Utc, Utc));
    }

    [Fact]
    public void AllDayWindow_WithNoDays_IsNeverOpen()
    {
        var never = new CallingWindow(TimeOnly.MinValue, TimeOnly.MinValue, new HashSet<DayOfWeek>());

        Assert.Equal(0, OpenMinutes(never, Utc, At("2025-06-01T00:00:00Z"), At("2025-06-08T00:00:00Z")));
    }

    // ---- DST in America/New_York: spring forward (2025-03-09, 02:00 EST -> 03:00 EDT at 07:00Z) -----

    [Fact]
    public void SpringForward_WindowInsideTheSkippedHour_NeverOpensThatDay()
    {
        var twoToThree = Window(2, 0, 3, 0);

        Assert.Equal(0, OpenMinutes(twoToThree, NewYork, At("2025-03-09T05:00:00Z"), At("2025-03-10T04:00:00Z")));

        // The day before, the same window is a normal hour.
        Assert.Equal(60, OpenMinutes(twoToThree, NewYork, At("2025-03-08T05:00:00Z"), At("2025-03-09T05:00:00Z")));
    }

    [Theory]
    [InlineData("2025-03-09T06:59:59.9999999Z", false)] // 01:59:59.9999999 EST
    [InlineData("2025-03-09T07:00:00Z", true)] //          03:00 EDT, the first instant after the gap
    [InlineData("2025-03-09T07:59:59.9999999Z", true)] //  03:59:59.9999999 EDT
    [InlineData("2025-03-09T08:00:00Z", false)] //         04:00 EDT
    public void SpringForward_WindowStartingInTheGap_OpensWhenTheClockJumps(string instant, bool open)
    {
        var halfPastTwoToFour = Window(2, 30, 4, 0);

        Assert.Equal(open, halfPastTwoToFour.IsOpenAt(At(instant), NewYork));
    }

    [Fact]
    public void SpringForward_WindowAcrossTheGap_IsAnHourShorter()
    {
        var oneToFour = Window(1, 0, 4, 0);

        Assert.Equal(120, OpenMinutes(oneToFour, NewYork, At("2025-03-09T05:00:00Z"), At("2025-03-09T10:00:00Z")));
    }

    [Theory]
    [InlineData("2025-03-08T12:59:59Z", false)] // Saturday 07:59:59 EST
    [InlineData("2025-03-08T13:00:00Z", true)] //  Saturday 08:00 EST
    [InlineData("2025-03-09T11:59:59Z", false)] // Sunday 07:59:59 EDT
    [InlineData("2025-03-09T12:00:00Z", true)] //  Sunday 08:00 EDT: an hour earlier in UTC than the day before
    [InlineData("2025-03-10T00:59:59Z", true)] //  Sunday 20:59:59 EDT
    [InlineData("2025-03-10T01:00:00Z", false)] // Sunday 21:00 EDT
    public void SpringForward_UsFederal_FollowsTheNewOffset(string instant, bool open)
    {
        Assert.Equal(open, CallingWindow.UsFederal.IsOpenAt(At(instant), NewYork));
    }

    [Theory]
    [InlineData("2025-03-09T06:59:59Z", true)] //  Sunday 01:59:59 EST: Saturday's window
    [InlineData("2025-03-09T07:00:00Z", false)] // Sunday 03:00 EDT: past the 02:00 end
    public void SpringForward_PastMidnightWindow_EndsWhenTheClockJumpsPastItsEnd(string instant, bool open)
    {
        var nights = Window(22, 0, 2, 0);

        Assert.Equal(open, nights.IsOpenAt(At(instant), NewYork));
    }

    // ---- DST in America/New_York: fall back (2025-11-02, 02:00 EDT -> 01:00 EST at 06:00Z) ---------

    [Theory]
    [InlineData("2025-11-02T04:59:59.9999999Z", false)] // 00:59:59.9999999 EDT
    [InlineData("2025-11-02T05:00:00Z", true)] //          01:00 EDT, first pass
    [InlineData("2025-11-02T05:30:00Z", true)] //          01:30 EDT
    [InlineData("2025-11-02T06:00:00Z", true)] //          01:00 EST, the repeated hour
    [InlineData("2025-11-02T06:30:00Z", true)] //          01:30 EST
    [InlineData("2025-11-02T06:59:59.9999999Z", true)] //  01:59:59.9999999 EST
    [InlineData("2025-11-02T07:00:00Z", false)] //         02:00 EST
    public void FallBack_RepeatedHour_IsInsideTheWindowBothTimes(string instant, bool open)
    {
        var oneToTwo = Window(1, 0, 2, 0);

        Assert.Equal(open, oneToTwo.IsOpenAt(At(instant), NewYork));
    }

    [Fact]
    public void FallBack_WindowOverTheRepeatedHour_IsAnHourLonger()
    {
        Assert.Equal(120, OpenMinutes(Window(1, 0, 2, 0), NewYork, At("2025-11-02T04:00:00Z"), At("2025-11-02T09:00:00Z")));
        Assert.Equal(240, OpenMinutes(Window(0, 0, 3, 0), NewYork, At("2025-11-02T03:00:00Z"), At("2025-11-02T10:00:00Z")));
    }

    [Fact]
    public void FallBack_HourAfterTheRepeat_HappensOnce()
    {
        var twoToThree = Window(2, 0, 3, 0);

        Assert.False(twoToThree.IsOpenAt(At("2025-11-02T06:00:00Z"), NewYork)); // 01:00 EST
        Assert.True(twoToThree.IsOpenAt(At("2025-11-02T07:00:00Z"), NewYork)); //  02:00 EST
        Assert.Equal(60, OpenMinutes(twoToThree, NewYork, At("2025-11-02T04:00:00Z"), At("2025-11-02T10:00:00Z")));
    }

    [Theory]
    [InlineData("2025-11-02T12:00:00Z", false)] // 07:00 EST (would be 08:00 under the summer offset)
    [InlineData("2025-11-02T12:59:59Z", false)] // 07:59:59 EST
    [InlineData("2025-11-02T13:00:00Z", true)] //  08:00 EST
    [InlineData("2025-11-03T01:59:59Z", true)] //  20:59:59 EST
    [InlineData("2025-11-03T02:00:00Z", false)] // 21:00 EST
    public void FallBack_UsFederal_FollowsTheNewOffset(string instant, bool open)
    {
        Assert.Equal(open, CallingWindow.UsFederal.IsOpenAt(At(instant), NewYork));
    }

    // ---- Leads in different zones at the same instant -------------------------------------------------

    [Theory]
    [InlineData("America/New_York", false)] //    20:30 EDT
    [InlineData("America/Chicago", true)] //      19:30 CDT
    [InlineData("America/Denver", true)] //       18:30 MDT
    [InlineData("America/Phoenix", true)] //      17:30 MST (no DST)
    [InlineData("America/Los_Angeles", true)] //  17:30 PDT
    public void SameInstant_InDifferentLeadZones_IsJudgedInEachLeadsLocalTime(string zoneId, bool open)
    {
        var nineToEight = Window(9, 0, 20, 0);
        var instant = At("2025-07-15T00:30:00Z");

        Assert.Equal(open, nineToEight.IsOpenAt(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId)));
    }

    [Theory]
    [InlineData("2025-07-15T01:30:00Z", false, true)] // 21:30 Eastern, 18:30 Pacific
    [InlineData("2025-07-15T12:30:00Z", true, false)] // 08:30 Eastern, 05:30 Pacific
    public void UsFederal_EasternAndPacificLeads_DifferAtTheSameInstant(string instant, bool eastern, bool pacific)
    {
        Assert.Equal(eastern, CallingWindow.UsFederal.IsOpenAt(At(instant), NewYork));
        Assert.Equal(pacific, CallingWindow.UsFederal.IsOpenAt(At(instant), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")));
    }

    [Theory]
    [InlineData("America/Los_Angeles", true)] // Friday 20:00
    [InlineData("America/New_York", true)] //    Friday 23:00
    [InlineData("UTC", false)] //                Saturday 03:00
    [InlineData("Asia/Tokyo", false)] //         Saturday 12:00
    public void DayOfWeek_IsTheLeadsLocalDay(string zoneId, bool open)
    {
        var weekdaysAllDay = Window(0, 0, 0, 0, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

        Assert.Equal(open, weekdaysAllDay.IsOpenAt(At("2025-07-19T03:00:00Z"), TimeZoneInfo.FindSystemTimeZoneById(zoneId)));
    }

    [Theory]
    [InlineData("2025-07-15T02:29:59Z", false)] // 07:59:59 IST
    [InlineData("2025-07-15T02:30:00Z", true)] //  08:00 IST
    public void HalfHourZone_WindowEdgesFollowTheLocalClock(string instant, bool open)
    {
        Assert.Equal(open, CallingWindow.UsFederal.IsOpenAt(At(instant), TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")));
    }

    [Fact]
    public void InstantsOffset_DoesNotMatter_OnlyTheInstant()
    {
        var utc = At("2025-07-15T01:30:00Z"); // 21:30 EDT on the 14th: closed
        var sameInstantInTokyo = utc.ToOffset(TimeSpan.FromHours(9)); // written as 10:30+09:00: "open" if misread

        Assert.False(CallingWindow.UsFederal.IsOpenAt(sameInstantInTokyo, NewYork));
        Assert.Equal(CallingWindow.UsFederal.IsOpenAt(utc, NewYork), CallingWindow.UsFederal.IsOpenAt(sameInstantInTokyo, NewYork));
    }
}
