namespace Orchestrator.State.Tests;

public abstract class HopperStoreContract : StateStoreContract
{
    private const long Campaign = 7;
    private const long OtherCampaign = 8;

    private IHopperStore Hoppers => Store.Hoppers;

    private static HopperEntry Lead(long id, int priority = 0) => new(id, $"+3361234{id:D4}", priority);

    [Fact]
    public async Task Push_ThenPop_ReturnsTheEntry()
    {
        Assert.Equal(1, await Hoppers.PushAsync(Campaign, [Lead(1, priority: 3)], None));

        Assert.Equal(Lead(1, priority: 3), await Hoppers.PopAsync(Campaign, None));
    }

    [Fact]
    public async Task Pop_WhenEmpty_ReturnsNull()
    {
        Assert.Null(await Hoppers.PopAsync(Campaign, None));
    }

    [Fact]
    public async Task Pop_AfterTheLastEntry_ReturnsNull()
    {
        await Hoppers.PushAsync(Campaign, [Lead(1)], None);
        await Hoppers.PopAsync(Campaign, None);

        Assert.Null(await Hoppers.PopAsync(Campaign, None));
    }

    [Fact]
    public async Task Pop_ReturnsHigherPriorityFirst()
    {
        await Hoppers.PushAsync(Campaign, [Lead(1, priority: 0), Lead(2, priority: 10), Lead(3, priority: -5), Lead(4, priority: 5)], None);

        Assert.Equal([2L, 4L, 1L, 3L], await PopAllAsync(Campaign));
    }

    [Fact]
    public async Task Pop_WithinAPriority_IsFirstInFirstOutAcrossPushes()
    {
        await Hoppers.PushAsync(Campaign, [Lead(30), Lead(10)], None);
        await Hoppers.PushAsync(Campaign, [Lead(20), Lead(5, priority: 1)], None);
        await Hoppers.PushAsync(Campaign, [Lead(1)], None);

        Assert.Equal([5L, 30L, 10L, 20L, 1L], await PopAllAsync(Campaign));
    }

    [Fact]
    public async Task Push_OfALeadAlreadyQueued_IsSkippedAndKeepsTheFirstEntry()
    {
        await Hoppers.PushAsync(Campaign, [Lead(1)], None);

        var added = await Hoppers.PushAsync(Campaign, [new HopperEntry(1, "+33699999999", Priority: 9), Lead(2)], None);

        Assert.Equal(1, added);
        Assert.Equal(2, await Hoppers.CountAsync(Campaign, None));
        Assert.Equal(Lead(1), await Hoppers.PopAsync(Campaign, None));
    }

    [Fact]
    public async Task Push_TheSameLeadTwiceInOneBatch_AddsItOnce()
    {
        Assert.Equal(1, await Hoppers.PushAsync(Campaign, [Lead(1), Lead(1, priority: 4)], None));

        Assert.Equal(1, await Hoppers.CountAsync(Campaign, None));
    }

    [Fact]
    public async Task Push_OfALeadAlreadyPopped_QueuesItAgain()
    {
        await Hoppers.PushAsync(Campaign, [Lead(1)], None);
        await Hoppers.PopAsync(Campaign, None);

        Assert.Equal(1, await Hoppers.PushAsync(Campaign, [Lead(1)], None));
    }

    [Fact]
    public async Task Push_OfNothing_AddsNothing()
    {
        Assert.Equal(0, await Hoppers.PushAsync(Campaign, [], None));
        Assert.Equal(0, await Hoppers.CountAsync(Campaign, None));
    }

    [Fact]
    public async Task Count_FollowsPushesAndPops()
    {
        Assert.Equal(0, await Hoppers.CountAsync(Campaign, None));
        await Hoppers.PushAsync(Campaign, [Lead(1), Lead(2), Lead(3)], None);
        await Hoppers.PopAsync(Campaign, None);

        Assert.Equal(2, await Hoppers.CountAsync(Campaign, None));
    }

    [Fact]
    public async Task Clear_EmptiesTheHopperAndForgetsItsLeads()
    {
        await Hoppers.PushAsync(Campaign, [Lead(1), Lead(2)], None);

        await Hoppers.ClearAsync(Campaign, None);

        Assert.Equal(0, await Hoppers.CountAsync(Campaign, None));
        Assert.Null(await Hoppers.PopAsync(Campaign, None));
        Assert.Equal(2, await Hoppers.PushAsync(Campaign, [Lead(1), Lead(2)], None));
    }

    [Fact]
    public async Task Clear_LeavesOtherCampaignsAlone()
    {
        await Hoppers.PushAsync(Campaign, [Lead(1)], None);
        await Hoppers.PushAsync(OtherCampaign, [Lead(2)], None);

        await Hoppers.ClearAsync(Campaign, None);

        Assert.Equal(1, await Hoppers.CountAsync(OtherCampaign, None));
    }

    [Fact]
    public async Task Hoppers_OfDifferentCampaigns_MayHoldTheSameLead()
    {
        Assert.Equal(1, await Hoppers.PushAsync(Campaign, [Lead(1)], None));
        Assert.Equal(1, await Hoppers.PushAsync(OtherCampaign, [Lead(1)], None));

        Assert.Equal(Lead(1), await Hoppers.PopAsync(OtherCampaign, None));
        Assert.Equal(Lead(1), await Hoppers.PopAsync(Campaign, None));
    }

    [Fact]
    public async Task Pop_ByEightConcurrentPacersOnTwoInstances_HandsOutEachLeadOnce()
    {
        var other = await ConnectInstanceAsync();
        await Hoppers.PushAsync(Campaign, [.. Enumerable.Range(1, 100).Select(id => Lead(id, priority: id % 3))], None);

        var popped = await InParallel(8, async i =>
        {
            var hopper = (i % 2 == 0 ? Store : other).Hoppers;
            var mine = new List<long>();
            while (await hopper.PopAsync(Campaign, None) is { } entry)
            {
                mine.Add(entry.LeadId);
            }

            return mine;
        });

        Assert.Equal(Enumerable.Range(1, 100).Select(id => (long)id), popped.SelectMany(p => p).Order());
    }

    [Fact]
    public async Task Push_ConcurrentlyOfTheSameLeads_QueuesEachLeadOnce()
    {
        var added = await InParallel(10, _ => Hoppers.PushAsync(Campaign, [Lead(1), Lead(2), Lead(3)], None));

        Assert.Equal(3, added.Sum());
        Assert.Equal(3, await Hoppers.CountAsync(Campaign, None));
    }

    private async Task<List<long>> PopAllAsync(long campaign)
    {
        var leads = new List<long>();
        while (await Hoppers.PopAsync(campaign, None) is { } entry)
        {
            leads.Add(entry.LeadId);
        }

        return leads;
    }
}
