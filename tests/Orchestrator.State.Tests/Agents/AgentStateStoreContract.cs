using Orchestrator.Core.Agents;

namespace Orchestrator.State.Tests;

public abstract class AgentStateStoreContract : StateStoreContract
{
    private const long Campaign = 7;
    private const long OtherCampaign = 8;

    private IAgentStateStore Agents => Store.Agents;

    [Fact]
    public async Task Upsert_ThenGet_ReturnsTheSameSnapshot()
    {
        var agent = new AgentSnapshot(42, Campaign, AgentState.OnCall, Start, "leg-42", NewAttempt(), ["fr", "sales"]);

        await Agents.UpsertAsync(agent, None);

        Assert.Equal(agent, await Agents.GetAsync(42, None));
    }

    [Fact]
    public async Task Upsert_WithoutLegAttemptOrSkills_RoundTripsTheNulls()
    {
        var agent = new AgentSnapshot(42, Campaign, AgentState.Connecting, Start, LegId: null, Attempt: null, Skills: []);

        await Agents.UpsertAsync(agent, None);

        Assert.Equal(agent, await Agents.GetAsync(42, None));
    }

    [Fact]
    public async Task Upsert_Twice_KeepsTheLatestSnapshot()
    {
        await Agents.UpsertAsync(Agent(42, Campaign, AgentState.Connecting, Start), None);
        var latest = Agent(42, Campaign, AgentState.Ready, Start.AddSeconds(5), "sales");

        await Agents.UpsertAsync(latest, None);

        Assert.Equal(latest, await Agents.GetAsync(42, None));
    }

    [Fact]
    public async Task Upsert_KeepsItsOwnCopyOfTheSkills()
    {
        var skills = new List<string> { "sales" };
        await Agents.UpsertAsync(new AgentSnapshot(42, Campaign, AgentState.Ready, Start, null, null, skills), None);

        skills.Add("support");

        Assert.Equal(["sales"], (await Agents.GetAsync(42, None))!.Skills);
    }

    [Fact]
    public async Task Get_WhenUnknown_ReturnsNull()
    {
        Assert.Null(await Agents.GetAsync(42, None));
    }

    [Fact]
    public async Task List_ReturnsEveryAgentOfTheCampaignOnly()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.Paused, Start), None);
        await Agents.UpsertAsync(Agent(3, OtherCampaign, AgentState.Ready, Start), None);

        var listed = await Agents.ListAsync(Campaign, None);

        Assert.Equal([1L, 2L], listed.Select(a => a.AgentId).Order());
        Assert.Equal(AgentState.Paused, listed.Single(a => a.AgentId == 2).State);
    }

    [Fact]
    public async Task List_WhenNobodyLoggedIn_IsEmpty()
    {
        Assert.Empty(await Agents.ListAsync(Campaign, None));
    }

    [Fact]
    public async Task Upsert_IntoAnotherCampaign_MovesTheAgent()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);

        await Agents.UpsertAsync(Agent(1, OtherCampaign, AgentState.Ready, Start), None);

        Assert.Empty(await Agents.ListAsync(Campaign, None));
        Assert.Single(await Agents.ListAsync(OtherCampaign, None));
        Assert.Null(await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start, None));
        Assert.Equal(1, (await Agents.TryReserveAsync(OtherCampaign, NewAttempt(), null, Start, None))?.AgentId);
    }

    [Fact]
    public async Task TryReserve_WhenTwoAgentsReady_PicksTheLongestIdle()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start.AddSeconds(10)), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.Ready, Start), None);

        var reserved = await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start.AddMinutes(1), None);

        Assert.Equal(2, reserved?.AgentId);
    }

    [Fact]
    public async Task TryReserve_WhenReadySinceTheSameInstant_PicksTheLowestId()
    {
        await Agents.UpsertAsync(Agent(10, Campaign, AgentState.Ready, Start), None);
        await Agents.UpsertAsync(Agent(9, Campaign, AgentState.Ready, Start), None);
        await Agents.UpsertAsync(Agent(100, Campaign, AgentState.Ready, Start), None);

        var reserved = await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start.AddMinutes(1), None);

        Assert.Equal(9, reserved?.AgentId);
    }

    [Fact]
    public async Task TryReserve_InOrder_TakesAgentsLongestIdleFirst()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start.AddSeconds(3)), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.Ready, Start.AddSeconds(1)), None);
        await Agents.UpsertAsync(Agent(3, Campaign, AgentState.Ready, Start.AddSeconds(2)), None);

        var order = new List<long?>();
        for (var i = 0; i < 4; i++)
        {
            order.Add((await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start.AddMinutes(1), None))?.AgentId);
        }

        Assert.Equal([2, 3, 1, null], order);
    }

    [Fact]
    public async Task TryReserve_MarksTheAgentReservedForTheAttemptSinceNow()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start, "sales"), None);
        var attempt = NewAttempt();
        var now = Start.AddMinutes(1);

        var reserved = await Agents.TryReserveAsync(Campaign, attempt, null, now, None);

        var expected = new AgentSnapshot(1, Campaign, AgentState.Reserved, now, "leg-1", attempt, ["sales"]);
        Assert.Equal(expected, reserved);
        Assert.Equal(expected, await Agents.GetAsync(1, None));
    }

    [Fact]
    public async Task TryReserve_ForTheSameAttemptTwice_ReturnsTheSameAgent()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.Ready, Start.AddSeconds(1)), None);
        var attempt = NewAttempt();

        var first = await Agents.TryReserveAsync(Campaign, attempt, null, Start.AddMinutes(1), None);
        var retry = await Agents.TryReserveAsync(Campaign, attempt, null, Start.AddMinutes(2), None);

        Assert.Equal(first, retry);
        Assert.Equal(AgentState.Ready, (await Agents.GetAsync(2, None))!.State);
    }

    [Fact]
    public async Task TryReserve_ForAnAttemptWhoseAgentMovedOn_DoesNotReturnThatAgent()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);
        var attempt = NewAttempt();
        var reserved = await Agents.TryReserveAsync(Campaign, attempt, null, Start.AddMinutes(1), None);
        await Agents.TryTransitionAsync(1, AgentState.Reserved, reserved! with { State = AgentState.Paused, Attempt = null }, None);

        Assert.Null(await Agents.TryReserveAsync(Campaign, attempt, null, Start.AddMinutes(2), None));
    }

    [Fact]
    public async Task TryReserve_WhenNoAgentIsReady_ReturnsNull()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Paused, Start), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.OnCall, Start), None);
        await Agents.UpsertAsync(Agent(3, Campaign, AgentState.WrapUp, Start), None);
        await Agents.UpsertAsync(Agent(4, Campaign, AgentState.Connecting, Start), None);
        await Agents.UpsertAsync(Agent(5, Campaign, AgentState.Reserved, Start), None);

        Assert.Null(await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start, None));
    }

    [Fact]
    public async Task TryReserve_IgnoresReadyAgentsOfOtherCampaigns()
    {
        await Agents.UpsertAsync(Agent(1, OtherCampaign, AgentState.Ready, Start), None);

        Assert.Null(await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start, None));
        Assert.Equal(AgentState.Ready, (await Agents.GetAsync(1, None))!.State);
    }

    [Fact]
    public async Task TryReserve_WithRequiredSkill_PicksTheLongestIdleAgentWhoHasIt()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start, "sales"), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.Ready, Start.AddSeconds(2), "fr", "support"), None);
        await Agents.UpsertAsync(Agent(3, Campaign, AgentState.Ready, Start.AddSeconds(1), "support"), None);

        var reserved = await Agents.TryReserveAsync(Campaign, NewAttempt(), "support", Start.AddMinutes(1), None);

        Assert.Equal(3, reserved?.AgentId);
    }

    [Fact]
    public async Task TryReserve_WithRequiredSkillNobodyReadyHas_ReturnsNullAndReservesNobody()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start, "sales"), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.Paused, Start, "support"), None);

        Assert.Null(await Agents.TryReserveAsync(Campaign, NewAttempt(), "support", Start, None));
        Assert.Equal(AgentState.Ready, (await Agents.GetAsync(1, None))!.State);
    }

    [Fact]
    public async Task TryReserve_MatchesSkillsExactly()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start, "Sales", "sales-fr"), None);

        Assert.Null(await Agents.TryReserveAsync(Campaign, NewAttempt(), "sales", Start, None));
    }

    [Fact]
    public async Task TryReserve_WithoutRequiredSkill_TakesAgentsWithAnySkills()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start, "sales"), None);

        Assert.Equal(1, (await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start, None))?.AgentId);
    }

    [Fact]
    public async Task TryReserve_WithRequiredSkill_FindsTheOnlyMatchBehindManyReadyAgents()
    {
        for (var id = 1; id <= 250; id++)
        {
            await Agents.UpsertAsync(Agent(id, Campaign, AgentState.Ready, Start.AddSeconds(id), id == 240 ? "rare" : "common"), None);
        }

        Assert.Equal(240, (await Agents.TryReserveAsync(Campaign, NewAttempt(), "rare", Start.AddHours(1), None))?.AgentId);
    }

    [Fact]
    public async Task TryTransition_WhenInTheExpectedState_ReplacesTheSnapshot()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);
        var next = Agent(1, Campaign, AgentState.Paused, Start.AddMinutes(1));

        Assert.True(await Agents.TryTransitionAsync(1, AgentState.Ready, next, None));

        Assert.Equal(next, await Agents.GetAsync(1, None));
    }

    [Fact]
    public async Task TryTransition_WhenInAnotherState_ReturnsFalseAndChangesNothing()
    {
        var current = Agent(1, Campaign, AgentState.Paused, Start);
        await Agents.UpsertAsync(current, None);

        Assert.False(await Agents.TryTransitionAsync(1, AgentState.Ready, Agent(1, Campaign, AgentState.Reserved, Start.AddMinutes(1)), None));

        Assert.Equal(current, await Agents.GetAsync(1, None));
    }

    [Fact]
    public async Task TryTransition_WhenTheAgentIsUnknown_ReturnsFalseAndCreatesNothing()
    {
        Assert.False(await Agents.TryTransitionAsync(1, AgentState.Ready, Agent(1, Campaign, AgentState.Paused, Start), None));

        Assert.Null(await Agents.GetAsync(1, None));
    }

    [Fact]
    public async Task TryTransition_OutOfReady_MakesTheAgentUnreservable()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);

        await Agents.TryTransitionAsync(1, AgentState.Ready, Agent(1, Campaign, AgentState.Paused, Start.AddSeconds(1)), None);

        Assert.Null(await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start.AddMinutes(1), None));
    }

    [Fact]
    public async Task TryTransition_BackToReady_QueuesTheAgentByItsNewSince()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.Ready, Start.AddSeconds(30)), None);
        var reserved = await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start.AddMinutes(1), None);

        // Agent 1 is released a minute later: now agent 2 has been idle longest.
        await Agents.TryTransitionAsync(1, AgentState.Reserved, reserved! with { State = AgentState.Ready, Since = Start.AddMinutes(2), Attempt = null }, None);

        Assert.Equal(2, (await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start.AddMinutes(3), None))?.AgentId);
        Assert.Equal(1, (await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start.AddMinutes(3), None))?.AgentId);
    }

    [Fact]
    public async Task TryTransition_WithTheSnapshotOfAnotherAgent_Throws()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);

        await Assert.ThrowsAsync<ArgumentException>(() => Agents.TryTransitionAsync(1, AgentState.Ready, Agent(2, Campaign, AgentState.Paused, Start), None));
    }

    [Fact]
    public async Task Upsert_OutOfReady_MakesTheAgentUnreservable()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);

        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Paused, Start.AddSeconds(1)), None);

        Assert.Null(await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start.AddMinutes(1), None));
    }

    [Fact]
    public async Task Remove_ForgetsTheAgentEverywhere()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);

        await Agents.RemoveAsync(1, None);

        Assert.Null(await Agents.GetAsync(1, None));
        Assert.Empty(await Agents.ListAsync(Campaign, None));
        Assert.Null(await Agents.TryReserveAsync(Campaign, NewAttempt(), null, Start, None));
    }

    [Fact]
    public async Task Remove_OfAReservedAgent_ForgetsTheReservation()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);
        await Agents.UpsertAsync(Agent(2, Campaign, AgentState.Ready, Start.AddSeconds(1)), None);
        var attempt = NewAttempt();
        await Agents.TryReserveAsync(Campaign, attempt, null, Start.AddMinutes(1), None);

        await Agents.RemoveAsync(1, None);

        Assert.Equal(2, (await Agents.TryReserveAsync(Campaign, attempt, null, Start.AddMinutes(2), None))?.AgentId);
    }

    [Fact]
    public async Task Remove_WhenUnknown_DoesNothing()
    {
        await Agents.UpsertAsync(Agent(1, Campaign, AgentState.Ready, Start), None);

        await Agents.RemoveAsync(2, None);

        Assert.Single(await Agents.ListAsync(Campaign, None));
    }

    [Fact]
    public async Task TryReserve_FiftyAtOnceOnTwoInstancesForTenReadyAgents_ReservesEachAgentOnce()
    {
        var other = await ConnectInstanceAsync();
        for (var id = 1; id <= 10; id++)
        {
            await Agents.UpsertAsync(Agent(id, Campaign, AgentState.Ready, Start.AddSeconds(id)), None);
        }

        var attempts = Enumerable.Range(0, 50).Select(_ => NewAttempt()).ToArray();
        var reserved = await InParallel(50, i =>
            (i % 2 == 0 ? Store : other).Agents.TryReserveAsync(Campaign, attempts[i], null, Start.AddMinutes(1), None));

        var winners = reserved.OfType<AgentSnapshot>().ToList();
        Assert.Equal(10, winners.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(id => (long)id), winners.Select(a => a.AgentId).Order());
        Assert.Equal(10, winners.Select(a => a.Attempt).Distinct().Count());
        Assert.All(await Agents.ListAsync(Campaign, None), a => Assert.Equal(AgentState.Reserved, a.State));
    }

    [Fact]
    public async Task TryReserve_TwentyConcurrentRetriesOfOneAttempt_ReserveOneAgent()
    {
        for (var id = 1; id <= 5; id++)
        {
            await Agents.UpsertAsync(Agent(id, Campaign, AgentState.Ready, Start.AddSeconds(id)), None);
        }

        var attempt = NewAttempt();
        var reserved = await InParallel(20, _ => Agents.TryReserveAsync(Campaign, attempt, null, Start.AddMinutes(1), None));

        Assert.All(reserved, a => Assert.Equal(1, a?.AgentId));
        Assert.Single(await Agents.ListAsync(Campaign, None), a => a.State == AgentState.Reserved);
    }
}
