using Orchestrator.Data.Campaigns;

namespace Orchestrator.Data.Tests.Campaigns;

public sealed class CallingWindowSettingsUnitTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(12, 30)]
    [InlineData(23, 59)]
    public void AllDay_ToPolicy_IsOpenAtAnyTime(int hour, int minute)
    {
        var policy = CallingWindowSettings.AllDay.ToPolicy();

        Assert.True(policy.IsOpenAt(new DateTimeOffset(2025, 6, 1, hour, minute, 59, TimeSpan.Zero), Utc));
    }

    [Fact]
    public void Weekdays_ToPolicy_KeepsTheHoursAndTheDays()
    {
        var settings = new CallingWindowSettings(new TimeOnly(9, 0), new TimeOnly(17, 0), CallingDays.Weekdays);

        var policy = settings.ToPolicy();

        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            policy.Days.Order());
        var monday = new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.Zero);
        Assert.True(policy.IsOpenAt(monday, Utc));
        Assert.False(policy.IsOpenAt(monday.AddHours(8), Utc));
        Assert.False(policy.IsOpenAt(monday.AddDays(-1), Utc));
    }
}
