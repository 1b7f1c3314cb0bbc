using Orchestrator.Core.Calls;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Tests.Ari;

/// <summary>What the ARI adapter does when the link to Asterisk breaks: resync after re-registering, never a blind resend.</summary>
public sealed class AriSwitchAdapterFaultTests
{
    [Fact]
    public async Task EventsSocketDroppedMidCall_ReadyAgainWithTheLiveLegs_AndLegsThatWentMeanwhileAreEnded()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30));
        var staying = SimulatedAsteriskAri.NewCustomerLeg();
        var leaving = SimulatedAsteriskAri.NewCustomerLeg();
        await asterisk.OriginateAsync(staying);
        await asterisk.OriginateAsync(leaving);
        await asterisk.WaitForLegAsync(staying, LegEventKind.Answered);
        await asterisk.WaitForLegAsync(leaving, LegEventKind.Answered);

        // The socket is cut and re-registration refused for a moment; meanwhile one customer hangs up, unseen.
        Assert.Equal(1, asterisk.Control.DropEventSockets(refuseUpgradesFor: TimeSpan.FromMilliseconds(400)));
        Assert.True(asterisk.Control.HangUp(leaving.Value));
        var ready = await asterisk.WaitForAsync<SwitchConnectionChanged>(c => c.State == SwitchConnectionState.Ready && c.Generation > 1, "the adapter is ready again");
        var gone = await asterisk.WaitForLegAsync(leaving, LegEventKind.Ended);
        await asterisk.Adapter.HangupAsync(new HangupCommand(staying), CancellationToken.None);
        var hungUp = await asterisk.WaitForLegAsync(staying, LegEventKind.Ended);

        Assert.Contains(ready.LiveLegs!, c => c.Leg == staying);
        Assert.DoesNotContain(ready.LiveLegs!, c => c.Leg == leaving);
        Assert.Equal("gone after ARI reconnect", gone.RawCause);
        Assert.Equal(HangupCause.NormalClearing, hungUp.Cause);
        Assert.Single(asterisk.EventsOf(staying), e => e.Kind == LegEventKind.Ended);
        Assert.Contains(asterisk.AllEvents(), e => e is SwitchConnectionChanged { State: SwitchConnectionState.Disconnected });
    }

    [Fact]
    public async Task AsteriskRestart_RefusedThen503_TheAdapterRegistersAgain_AndEndsEveryLegAsteriskForgot()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30));
        var agent = LegId.ForAgent(5, 1);
        var customer = SimulatedAsteriskAri.NewCustomerLeg();
        await asterisk.OpenAgentLegAsync(agent, 5);
        await asterisk.OriginateAsync(customer);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Answered);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Answered);

        await asterisk.Control.RestartAsync(downtime: TimeSpan.FromMilliseconds(300), startingFor: TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<SwitchNotReadyException>(() => asterisk.Adapter.ListLiveChannelsAsync(CancellationToken.None));
        var ready = await asterisk.WaitForAsync<SwitchConnectionChanged>(c => c.State == SwitchConnectionState.Ready && c.Generation > 1, "the adapter is ready after the restart");
        await asterisk.WaitForLegAsync(agent, LegEventKind.Ended);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Ended);

        Assert.Empty(ready.LiveLegs!);
        Assert.True(asterisk.Control.Counters.ServiceUnavailable > 0);
        Assert.Equal(2, asterisk.Control.Counters.EventSocketsOpened);
        Assert.Equal(["orchestrator"], asterisk.Control.Applications);
        Assert.Equal(SwitchConnectionState.Ready, asterisk.Adapter.State);

        // Business as usual afterwards.
        var next = SimulatedAsteriskAri.NewCustomerLeg();
        await asterisk.OriginateAsync(next);
        await asterisk.WaitForLegAsync(next, LegEventKind.Answered);
    }

    [Fact]
    public async Task OriginateWhoseAnswerTimesOut_IsAnUnknownOutcome_SentExactlyOnce_AndSettledByItsEvents()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(
            SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30),
            client => client.RequestTimeout = TimeSpan.FromMilliseconds(300));
        asterisk.Control.DelayRequest("POST /channels", TimeSpan.FromSeconds(1), times: 1);
        var leg = SimulatedAsteriskAri.NewCustomerLeg();

        // The client's retries, had it made any, happen before the error surfaces.
        await Assert.ThrowsAsync<SwitchOutcomeUnknownException>(() => asterisk.OriginateAsync(leg));
        var postsAfterTheError = asterisk.Control.Counters.OriginatesReceived;

        // Asterisk did place the call: the leg, still tracked, is reported as it progresses.
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);
        var live = await asterisk.Adapter.ListLiveChannelsAsync(CancellationToken.None);
        await asterisk.Adapter.HangupAsync(new HangupCommand(leg), CancellationToken.None);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal(1, postsAfterTheError);
        Assert.Equal(1, asterisk.Control.Counters.OriginatesReceived);
        Assert.Single(asterisk.Control.Requests, r => r is { Method: "POST", Path: "/ari/channels" });
        Assert.Contains(live, c => c.Leg == leg);
    }

    [Fact]
    public async Task Originate_WhileTheEventsSocketIsDown_IsRefusedBeforeAnythingIsSent()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live));
        asterisk.Control.DropEventSockets(refuseUpgradesFor: TimeSpan.FromSeconds(5));
        await SimulatedAsteriskAri.WaitUntilAsync(() => asterisk.Adapter.State != SwitchConnectionState.Ready ? "down" : null, "the adapter saw the drop");

        await Assert.ThrowsAsync<SwitchNotReadyException>(() => asterisk.OriginateAsync(SimulatedAsteriskAri.NewCustomerLeg()));

        Assert.Equal(0, asterisk.Control.Counters.OriginatesReceived);
    }
}
