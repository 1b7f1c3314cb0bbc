using Microsoft.EntityFrameworkCore;
using Orchestrator.Data.Attempts;
using Orchestrator.Runtime.Observability;
using Orchestrator.TestSupport;
using Xunit.Abstractions;

namespace Orchestrator.Runtime.Tests;

/// <summary>The same campaign with its live state in a real redis-server, as production runs it.</summary>
[Collection(RedisServerFixture.CollectionName)]
public sealed class CampaignOnRedisTests(RedisServerFixture redis, ITestOutputHelper output)
{
    [Fact]
    public async Task ProgressiveCampaign_OnRedisState_ConnectsCalls_AndCountsEachAttemptOnce()
    {
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions { RedisConnectionString = redis.ConnectionString });
        await harness.LoginAgentsAsync(3);
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);

        await RuntimeHarness.WaitUntilAsync(
            () => harness.QueryAsync(db => db.Attempts.CountAsync(a => a.Result == AttemptResult.Connected)).ContinueWith(t => t.Result >= 4, TaskScheduler.Default),
            "four calls were connected");
        await CampaignEndToEndTests.StopAndDrainAsync(harness);

        var attempts = await harness.QueryAsync(db => db.Attempts.AsNoTracking().ToListAsync());
        var counters = await harness.State.Counters.GetAsync(harness.CampaignId, CancellationToken.None);
        Assert.Equal(attempts.Count, counters[RuntimeCounters.Dials]);
        Assert.Equal(attempts.Count(a => a.Result == AttemptResult.Connected), counters[RuntimeCounters.Connects]);
        Assert.Empty(await harness.State.Calls.ListAsync(harness.CampaignId, CancellationToken.None));
        Assert.All(attempts.GroupBy(a => a.LeadId), lead => Assert.Single(lead));
    }
}
