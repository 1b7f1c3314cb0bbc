namespace Orchestrator.State.Tests;

public abstract class CallsInFlightStoreContract : StateStoreContract
{
    private const long Campaign = 7;

    private ICallsInFlightStore Calls => Store.Calls;

    private CallInFlight NewCall(long campaign = Campaign, long lead = 100) =>
        new(NewAttempt(), campaign, lead, "+33612345678", CallStage.Originating, Start, AgentId: null);

    [Fact]
    public async Task Add_ThenGet_ReturnsTheCall()
    {
        var call = NewCall();

        Assert.True(await Calls.AddAsync(call, None));

        Assert.Equal(call, await Calls.GetAsync(call.Attempt, None));
    }

    [Fact]
    public async Task Add_WithAnAgent_RoundTripsIt()
    {
        var call = NewCall() with { Stage = CallStage.Connected, AgentId = 42 };

        await Calls.AddAsync(call, None);

        Assert.Equal(call, await Calls.GetAsync(call.Attempt, None));
    }

    [Fact]
    public async Task Add_WhenTheAttemptIsPresent_ReturnsFalseAndKeepsTheOriginal()
    {
        var call = NewCall();
        await Calls.AddAsync(call, None);

        Assert.False(await Calls.AddAsync(call with { Stage = CallStage.Ringing, PhoneNumber = "+33700000000" }, None));

        Assert.Equal(call, await Calls.GetAsync(call.Attempt, None));
    }

    [Fact]
    public async Task Get_WhenAbsent_ReturnsNull()
    {
        Assert.Null(await Calls.GetAsync(NewAttempt(), None));
    }

    [Fact]
    public async Task UpdateStage_MovesTheCallAndSetsItsAgent()
    {
        var call = NewCall();
        await Calls.AddAsync(call, None);
        var since = Start.AddSeconds(12);

        Assert.True(await Calls.UpdateStageAsync(call.Attempt, CallStage.Connected, since, 42, None));

        Assert.Equal(call with { Stage = CallStage.Connected, StageSince = since, AgentId = 42 }, await Calls.GetAsync(call.Attempt, None));
    }

    [Fact]
    public async Task UpdateStage_WithoutAnAgent_ClearsTheAgent()
    {
        var call = NewCall() with { Stage = CallStage.Connected, AgentId = 42 };
        await Calls.AddAsync(call, None);

        await Calls.UpdateStageAsync(call.Attempt, CallStage.Ending, Start.AddMinutes(1), null, None);

        Assert.Null((await Calls.GetAsync(call.Attempt, None))!.AgentId);
    }

    [Fact]
    public async Task UpdateStage_WhenAbsent_ReturnsFalseAndCreatesNothing()
    {
        var attempt = NewAttempt();

        Assert.False(await Calls.UpdateStageAsync(attempt, CallStage.Ringing, Start, null, None));

        Assert.Null(await Calls.GetAsync(attempt, None));
    }

    [Fact]
    public async Task Remove_WhenPresent_ReturnsTrueAndForgetsTheCall()
    {
        var call = NewCall();
        await Calls.AddAsync(call, None);

        Assert.True(await Calls.RemoveAsync(call.Attempt, None));

        Assert.Null(await Calls.GetAsync(call.Attempt, None));
        Assert.Empty(await Calls.ListAsync(Campaign, None));
    }

    [Fact]
    public async Task Remove_Repeated_ReturnsFalseTheSecondTime()
    {
        var call = NewCall();
        await Calls.AddAsync(call, None);
        await Calls.RemoveAsync(call.Attempt, None);

        Assert.False(await Calls.RemoveAsync(call.Attempt, None));
    }

    [Fact]
    public async Task Add_AfterRemove_AcceptsTheAttemptAgain()
    {
        var call = NewCall();
        await Calls.AddAsync(call, None);
        await Calls.RemoveAsync(call.Attempt, None);

        Assert.True(await Calls.AddAsync(call, None));
    }

    [Fact]
    public async Task List_ReturnsTheCampaignsCallsOnly()
    {
        var first = NewCall(lead: 1);
        var second = NewCall(lead: 2);
        await Calls.AddAsync(first, None);
        await Calls.AddAsync(second, None);
        await Calls.AddAsync(NewCall(campaign: 8, lead: 3), None);

        var listed = await Calls.ListAsync(Campaign, None);

        Assert.Equal([first, second], listed.OrderBy(c => c.LeadId));
    }

    [Fact]
    public async Task List_ShowsTheCurrentStage()
    {
        var call = NewCall();
        await Calls.AddAsync(call, None);
        await Calls.UpdateStageAsync(call.Attempt, CallStage.Ringing, Start.AddSeconds(2), null, None);

        Assert.Equal(CallStage.Ringing, Assert.Single(await Calls.ListAsync(Campaign, None)).Stage);
    }

    [Fact]
    public async Task Add_OfOneAttemptTwentyTimesAtOnceOnTwoInstances_AddsItOnce()
    {
        var other = await ConnectInstanceAsync();
        var call = NewCall();

        var added = await InParallel(20, i => (i % 2 == 0 ? Store : other).Calls.AddAsync(call, None));

        Assert.Single(added, a => a);
        Assert.Single(await Calls.ListAsync(Campaign, None));
    }
}
