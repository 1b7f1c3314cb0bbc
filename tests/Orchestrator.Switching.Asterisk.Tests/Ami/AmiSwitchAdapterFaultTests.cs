using Orchestrator.Simulator.Outcomes;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Tests.Ami;

/// <summary>What the adapter does when the link to Asterisk breaks: resync, never a blind resend.</summary>
public sealed class AmiSwitchAdapterFaultTests
{
    [Fact]
    public async Task ConnectionDroppedDuringACall_ResyncsWithTheLiveLegs_AndTheCallCarriesOn()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        var leg = SimulatedAsterisk.NewCustomerLeg();
        await asterisk.OriginateAsync(leg);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);

        asterisk.Simulator.Control.DropConnections();
        var ready = await asterisk.WaitForAsync<SwitchConnectionChanged>(c => c.State == SwitchConnectionState.Ready && c.Generation > 1, "the adapter is ready again");
        await asterisk.Adapter.HangupAsync(new Commands.HangupCommand(leg), CancellationToken.None);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Contains(ready.LiveLegs!, c => c.Leg == leg);
        Assert.Single(asterisk.EventsOf(leg), e => e.Kind == LegEventKind.Ended);
    }

    [Fact]
    public async Task ConnectionDroppedBeforeTheOriginateResponse_IsAnUnknownOutcome_NeverResent_AndSettledByTheResync()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        asterisk.Simulator.Control.DelayAction("Originate", TimeSpan.FromSeconds(30), times: 1);
        var leg = SimulatedAsterisk.NewCustomerLeg();
        var dispatched = asterisk.Simulator.Control.Counters.ActionsDispatched;

        var originate = asterisk.OriginateAsync(leg);
        await WaitUntilAsync(() => asterisk.Simulator.Control.Counters.ActionsDispatched > dispatched);
        asterisk.Simulator.Control.DropConnections();

        await Assert.ThrowsAsync<SwitchOutcomeUnknownException>(() => originate);
        await asterisk.WaitForAsync<SwitchConnectionChanged>(c => c.State == SwitchConnectionState.Ready && c.Generation > 1, "the adapter is ready again");
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        // The simulated Asterisk dropped the delayed Originate with the connection; had the adapter sent it
        // again after reconnecting, it would have run this time (the fault applied once).
        Assert.Equal("gone after AMI reconnect", end.RawCause);
        Assert.Equal(0, asterisk.Simulator.Control.Counters.OriginatesReceived);
    }

    [Fact]
    public async Task AsteriskRestart_EndsEveryLegItForgot_AndTheAdapterComesBackReady()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        var agent = LegId.ForAgent(5, 1);
        var customer = SimulatedAsterisk.NewCustomerLeg();
        await asterisk.OpenAgentLegAsync(agent, 5);
        await asterisk.OriginateAsync(customer);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Answered);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Answered);

        await asterisk.Simulator.Control.RestartAsync(TimeSpan.FromMilliseconds(300));
        var ready = await asterisk.WaitForAsync<SwitchConnectionChanged>(c => c.State == SwitchConnectionState.Ready && c.Generation > 1, "the adapter is ready after the restart");
        await asterisk.WaitForLegAsync(agent, LegEventKind.Ended);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Ended);

        Assert.Empty(ready.LiveLegs!);
        Assert.Contains(asterisk.AllEvents(), e => e is SwitchConnectionChanged { State: SwitchConnectionState.Disconnected });
        Assert.Equal(SwitchConnectionState.Ready, asterisk.Adapter.State);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "condition not reached in 10 s");
    }
}
