namespace Orchestrator.State.Tests;

public abstract class CampaignCountersContract : StateStoreContract
{
    private const long Campaign = 7;
    private const long OtherCampaign = 8;

    private ICampaignCounters Counters => Store.Counters;

    [Fact]
    public async Task IncrementOnce_CountsAnAttemptOnce()
    {
        var attempt = NewAttempt();

        Assert.True(await Counters.IncrementOnceAsync(Campaign, "dials", attempt, None));
        Assert.False(await Counters.IncrementOnceAsync(Campaign, "dials", attempt, None));

        Assert.Equal(1, (await Counters.GetAsync(Campaign, None))["dials"]);
    }

    [Fact]
    public async Task IncrementOnce_OfDifferentAttempts_AddsUp()
    {
        for (var i = 0; i < 3; i++)
        {
            await Counters.IncrementOnceAsync(Campaign, "answers", NewAttempt(), None);
        }

        Assert.Equal(3, (await Counters.GetAsync(Campaign, None))["answers"]);
    }

    [Fact]
    public async Task IncrementOnce_OfOneAttempt_CountsOnceInEachCounter()
    {
        var attempt = NewAttempt();

        Assert.True(await Counters.IncrementOnceAsync(Campaign, "dials", attempt, None));
        Assert.True(await Counters.IncrementOnceAsync(Campaign, "answers", attempt, None));

        Assert.Equal(new Dictionary<string, long> { ["dials"] = 1, ["answers"] = 1 }, await Counters.GetAsync(Campaign, None));
    }

    [Fact]
    public async Task Get_WhenNothingWasCounted_IsEmpty()
    {
        Assert.Empty(await Counters.GetAsync(Campaign, None));
    }

    [Fact]
    public async Task Reset_SetsEveryCounterBackToZero()
    {
        await Counters.IncrementOnceAsync(Campaign, "dials", NewAttempt(), None);
        await Counters.IncrementOnceAsync(Campaign, "abandons", NewAttempt(), None);

        await Counters.ResetAsync(Campaign, None);

        Assert.Empty(await Counters.GetAsync(Campaign, None));
        Assert.True(await Counters.IncrementOnceAsync(Campaign, "dials", NewAttempt(), None));
        Assert.Equal(1, (await Counters.GetAsync(Campaign, None))["dials"]);
    }

    [Fact]
    public async Task Reset_DoesNotLetAnAttemptCountedBeforeItCountAgain()
    {
        var attempt = NewAttempt();
        await Counters.IncrementOnceAsync(Campaign, "dials", attempt, None);
        await Counters.ResetAsync(Campaign, None);

        Assert.False(await Counters.IncrementOnceAsync(Campaign, "dials", attempt, None));
        Assert.Empty(await Counters.GetAsync(Campaign, None));
    }

    [Fact]
    public async Task Reset_LeavesOtherCampaignsAlone()
    {
        await Counters.IncrementOnceAsync(Campaign, "dials", NewAttempt(), None);
        await Counters.IncrementOnceAsync(OtherCampaign, "dials", NewAttempt(), None);

        await Counters.ResetAsync(Campaign, None);

        Assert.Equal(1, (await Counters.GetAsync(OtherCampaign, None))["dials"]);
    }

    [Fact]
    public async Task Counters_OfDifferentCampaigns_CountTheSameAttemptSeparately()
    {
        var attempt = NewAttempt();

        Assert.True(await Counters.IncrementOnceAsync(Campaign, "dials", attempt, None));
        Assert.True(await Counters.IncrementOnceAsync(OtherCampaign, "dials", attempt, None));
    }

    [Fact]
    public async Task IncrementOnce_OfOneAttemptReplayedTwentyTimesAtOnceOnTwoInstances_CountsOnce()
    {
        var other = await ConnectInstanceAsync();
        var attempt = NewAttempt();

        var counted = await InParallel(20, i => (i % 2 == 0 ? Store : other).Counters.IncrementOnceAsync(Campaign, "connects", attempt, None));

        Assert.Single(counted, c => c);
        Assert.Equal(1, (await Counters.GetAsync(Campaign, None))["connects"]);
    }

    [Fact]
    public async Task IncrementOnce_OfAHundredAttemptsAtOnce_CountsEachOne()
    {
        var attempts = Enumerable.Range(0, 100).Select(_ => NewAttempt()).ToArray();

        await InParallel(100, i => Counters.IncrementOnceAsync(Campaign, "dials", attempts[i], None));

        Assert.Equal(100, (await Counters.GetAsync(Campaign, None))["dials"]);
    }
}
