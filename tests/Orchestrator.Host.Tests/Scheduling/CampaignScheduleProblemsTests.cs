using Orchestrator.Host.Scheduling;

namespace Orchestrator.Host.Tests.Scheduling;

/// <summary>A schedule's time zone must be a place: cron starts and stops are read in it.</summary>
public sealed class CampaignScheduleProblemsTests
{
    [Theory]
    [InlineData("localtime")] // the server's own zone, whatever it is set to
    [InlineData("Factory")]
    [InlineData("posixrules")]
    [InlineData("right/America/New_York")] // counts leap seconds
    [InlineData("Mars/Olympus")]
    public void AZoneThatIsNotAPlace_IsAProblem(string zone)
    {
        var problems = CampaignScheduler.Problems(new CampaignScheduleSpec(null, null, "0 0 9 ? * MON-FRI", null, zone));

        var problem = Assert.Single(problems);
        Assert.Equal("timeZoneId", problem.Key);
        Assert.Contains("IANA", problem.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData(null)] // UTC
    public void APlace_IsFine(string? zone) =>
        Assert.Empty(CampaignScheduler.Problems(new CampaignScheduleSpec(null, null, "0 0 9 ? * MON-FRI", null, zone)));
}
