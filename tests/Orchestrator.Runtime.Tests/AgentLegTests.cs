using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Agents;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ami;
using Orchestrator.Switching.Commands;
using Xunit.Abstractions;

namespace Orchestrator.Runtime.Tests;

/// <summary>
/// An agent's nailed-up leg against the simulator over AMI: no leg is left behind on the switch to hold the agent's
/// phone, whatever an earlier run or an earlier login left there.
/// </summary>
public sealed class AgentLegTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ALegLeftOnTheSwitchByAnEarlierRun_IsHungUpAtLogin_AndTheAgentGetsANewOne()
    {
        await using var harness = await StartReadyAsync();
        var agentId = harness.Seed.AgentIds[0];
        var leftover = LegId.ForAgent(agentId, 1); // what the earlier run (its counter started at 1) called it
        await LeaveLegOnTheSwitchAsync(harness, agentId, leftover);

        await harness.LoginAgentsAsync(1);
        await WaitUntilReadyAsync(harness, agentId);

        var legs = await harness.LiveAgentLegsAsync(agentId);
        Assert.DoesNotContain(leftover, legs);
        Assert.Single(legs);
    }

    [Fact]
    public async Task ALeftoverLegInACallWithACustomer_IsLeftAlone_AndSoIsTheCustomer()
    {
        var longCalls = HarnessOptions.Fast with { Outcomes = new Simulator.Outcomes.OutcomeProbabilities(1, 0, 0, 0, 0), TalkSeconds = Simulator.Outcomes.Distribution.Fixed(120) };
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions { Outcomes = longCalls });
        await RuntimeHarness.WaitUntilAsync(() => Task.FromResult(harness.Switch.State == SwitchConnectionState.Ready), "the switch is ready");
        var agentId = harness.Seed.AgentIds[0];
        var leftover = LegId.ForAgent(agentId, 1);
        var customer = LegId.ForAttempt(Core.Attempts.AttemptId.New(TimeProvider.System));

        // An earlier run connected a customer to the agent, then died; Asterisk kept the call.
        var endpoint = await harness.QueryAsync(db => db.Agents.Where(a => a.Id == agentId).Select(a => a.Endpoint).SingleAsync());
        await using (var earlier = harness.NewAdapter())
        {
            await earlier.StartAsync(CancellationToken.None);
            await RuntimeHarness.WaitUntilAsync(() => Task.FromResult(earlier.State == SwitchConnectionState.Ready), "the earlier run's adapter is ready");
            await earlier.OpenAgentLegAsync(new AgentLegCommand(leftover, agentId, endpoint, new CallerId("Earlier run", "0"), TimeSpan.FromSeconds(10)), CancellationToken.None);
            await earlier.OriginateAsync(new OriginateCommand(customer, "15550001230", new CallerId("Campaign", "5550001"), null, TimeSpan.FromSeconds(10), false, new Dictionary<string, string>()), CancellationToken.None);
            await WaitForAnsweredAsync(earlier, leftover, customer);
            await earlier.BridgeAsync(new BridgeCommand(customer, leftover), CancellationToken.None);
            await RuntimeHarness.WaitUntilAsync(
                async () => (await harness.Switch.ListLiveChannelsAsync(CancellationToken.None)) is var live
                    && live.FirstOrDefault(c => c.Leg == customer)?.BridgeId is { } bridge && live.Any(c => c.Leg == leftover && c.BridgeId == bridge),
                "the customer is in the agent's conference");
        }

        await harness.LoginAgentsAsync(1);
        await WaitUntilReadyAsync(harness, agentId);

        var after = await harness.Switch.ListLiveChannelsAsync(CancellationToken.None);
        Assert.Contains(after, c => c.Leg == leftover);
        Assert.Contains(after, c => c.Leg == customer);
    }

    [Fact]
    public async Task AfterAReconnect_AnAgentLegThatIsNotTheAgentsCurrentOne_IsHungUp_AndTheCurrentOneStays()
    {
        await using var harness = await StartReadyAsync();
        var agentId = harness.Seed.AgentIds[0];
        await harness.LoginAgentsAsync(1);
        await WaitUntilReadyAsync(harness, agentId);
        var current = Assert.Single(await harness.LiveAgentLegsAsync(agentId));
        var stray = LegId.ForAgent(agentId, 42);
        await LeaveLegOnTheSwitchAsync(harness, agentId, stray);

        harness.Simulator.Control.DropConnections();
        await RuntimeHarness.WaitUntilAsync(
            async () =>
            {
                try
                {
                    return harness.Switch.State == SwitchConnectionState.Ready && (await harness.LiveAgentLegsAsync(agentId)).SequenceEqual([current]);
                }
                catch (SwitchException)
                {
                    return false; // asked while the link was still down
                }
            },
            "the stray leg was hung up after the reconnect, and only the agent's current leg is left");
        Assert.Equal(AgentState.Ready, harness.Desk.GetAgent(agentId)!.State);
    }

    [Fact]
    public async Task ALoginAfterALogout_GetsALegIdOfItsOwn()
    {
        await using var harness = await StartReadyAsync();
        var agentId = harness.Seed.AgentIds[0];
        await harness.LoginAgentsAsync(1);
        await WaitUntilReadyAsync(harness, agentId);
        var first = Assert.Single(await harness.LiveAgentLegsAsync(agentId));

        await harness.Desk.LogoutAsync(agentId, CancellationToken.None);
        await harness.LoginAgentsAsync(1);
        await WaitUntilReadyAsync(harness, agentId);

        var second = Assert.Single(await harness.LiveAgentLegsAsync(agentId));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task AtShutdown_EveryAgentsLegIsHungUp_EvenInACampaignThatIsNotRunning()
    {
        await using var harness = await StartReadyAsync();
        var agentId = harness.Seed.AgentIds[0];
        await harness.LoginAgentsAsync(1); // the campaign is never started
        await WaitUntilReadyAsync(harness, agentId);
        Assert.Single(await harness.LiveAgentLegsAsync(agentId));

        await harness.StopRuntimeAsync();

        await using var observer = harness.NewAdapter();
        await observer.StartAsync(CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(() => Task.FromResult(observer.State == SwitchConnectionState.Ready), "the observer is connected");
        await RuntimeHarness.WaitUntilAsync(
            async () => !(await observer.ListLiveChannelsAsync(CancellationToken.None)).Any(c => c.Leg is { } leg && leg.TryGetAgent(out _)),
            "no agent leg is left on the switch");
    }

    private async Task<RuntimeHarness> StartReadyAsync()
    {
        var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions());
        await RuntimeHarness.WaitUntilAsync(() => Task.FromResult(harness.Switch.State == SwitchConnectionState.Ready), "the switch is ready");
        return harness;
    }

    /// <summary>Another adapter (an earlier run's) opens an agent leg, waits until it is up, and goes away without hanging it up.</summary>
    private static async Task LeaveLegOnTheSwitchAsync(RuntimeHarness harness, long agentId, LegId leg)
    {
        var endpoint = await harness.QueryAsync(db => db.Agents.Where(a => a.Id == agentId).Select(a => a.Endpoint).SingleAsync());
        await using var earlier = harness.NewAdapter();
        await earlier.StartAsync(CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(() => Task.FromResult(earlier.State == SwitchConnectionState.Ready), "the earlier run's adapter is ready");
        await earlier.OpenAgentLegAsync(new AgentLegCommand(leg, agentId, endpoint, new CallerId("Earlier run", "0"), TimeSpan.FromSeconds(10)), CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(
            async () => (await harness.Switch.ListLiveChannelsAsync(CancellationToken.None)).Any(c => c.Leg == leg && c.IsAnswered),
            $"the earlier run's leg {leg} is up");
    }

    private static async Task WaitForAnsweredAsync(AmiSwitchAdapter adapter, params LegId[] legs)
    {
        var waiting = legs.ToHashSet();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var switchEvent in adapter.Events.ReadAllAsync(timeout.Token))
        {
            if (switchEvent is Switching.Events.LegEvent { Kind: Switching.Events.LegEventKind.Answered } answered && waiting.Remove(answered.Leg) && waiting.Count == 0)
            {
                return;
            }
        }
    }

    private static Task WaitUntilReadyAsync(RuntimeHarness harness, long agentId) =>
        RuntimeHarness.WaitUntilAsync(() => Task.FromResult(harness.Desk.GetAgent(agentId)?.State == AgentState.Ready), "the agent is ready");
}
