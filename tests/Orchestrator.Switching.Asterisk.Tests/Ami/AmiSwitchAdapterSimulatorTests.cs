using Orchestrator.Core.Calls;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Tests.Ami;

/// <summary>Every command of the AMI adapter against the simulated Asterisk, over a real socket.</summary>
public sealed class AmiSwitchAdapterSimulatorTests
{
    [Fact]
    public async Task Originate_AnsweredCustomer_ReportsProgressInOrder_AndHangupEndsIt()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        var leg = SimulatedAsterisk.NewCustomerLeg();

        await asterisk.OriginateAsync(leg);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);
        await asterisk.Adapter.HangupAsync(new HangupCommand(leg), CancellationToken.None);
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered, LegEventKind.Ended], asterisk.EventsOf(leg).Select(e => e.Kind));
        Assert.Equal(HangupCause.NormalClearing, end.Cause);
        await asterisk.Adapter.HangupAsync(new HangupCommand(leg), CancellationToken.None); // already gone: not an error
    }

    [Theory]
    [InlineData(OutcomeClass.Busy, HangupCause.Busy)]
    [InlineData(OutcomeClass.NoAnswer, HangupCause.NoAnswer)]
    public async Task Originate_Unanswered_EndsOnceWithItsCause(OutcomeClass outcome, HangupCause cause)
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(outcome));
        var leg = SimulatedAsterisk.NewCustomerLeg();

        await asterisk.OriginateAsync(leg, ringSeconds: 0.5);
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal(cause, end.Cause);
        Assert.DoesNotContain(asterisk.EventsOf(leg), e => e.Kind == LegEventKind.Answered);
        Assert.Single(asterisk.EventsOf(leg), e => e.Kind == LegEventKind.Ended);
    }

    [Theory]
    [InlineData(OutcomeClass.Live, LegEventKind.HumanDetected)]
    [InlineData(OutcomeClass.Machine, LegEventKind.MachineDetected)]
    public async Task Originate_WithMachineDetection_GivesTheVerdictAfterAnswer(OutcomeClass outcome, LegEventKind verdict)
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(outcome));
        var leg = SimulatedAsterisk.NewCustomerLeg();

        await asterisk.OriginateAsync(leg, detectMachine: true);
        await asterisk.WaitForLegAsync(leg, verdict);

        var kinds = asterisk.EventsOf(leg).Select(e => e.Kind).ToList();
        Assert.True(kinds.IndexOf(LegEventKind.Answered) < kinds.IndexOf(verdict));
    }

    [Fact]
    public async Task Bridge_PutsTheCustomerIntoTheAgentsConference_AndTheAgentStaysAfterTheCustomerLeaves()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live, talkSeconds: 0.3));
        var agent = LegId.ForAgent(7, 1);
        var customer = SimulatedAsterisk.NewCustomerLeg();

        await asterisk.OpenAgentLegAsync(agent, 7);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Answered);
        await asterisk.OriginateAsync(customer);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Answered);
        await asterisk.Adapter.BridgeAsync(new BridgeCommand(customer, agent), CancellationToken.None);

        var bridged = await asterisk.WaitForLegAsync(customer, LegEventKind.Bridged);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Ended);
        var live = await asterisk.Adapter.ListLiveChannelsAsync(CancellationToken.None);

        Assert.Equal(agent, bridged.OtherLeg);
        Assert.DoesNotContain(asterisk.EventsOf(agent), e => e.Kind == LegEventKind.Ended);
        Assert.Contains(live, c => c.Leg == agent && c.IsAnswered);
        Assert.DoesNotContain(live, c => c.Leg == customer);
    }

    [Fact]
    public async Task PlayThenHangup_PlaysTheSafeHarborMessage_ThenEndsTheCall()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        var leg = SimulatedAsterisk.NewCustomerLeg();
        await asterisk.OriginateAsync(leg);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);

        await asterisk.Adapter.PlayThenHangupAsync(new PlayThenHangupCommand(leg, "custom/safe-harbor"), CancellationToken.None);
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal(1, asterisk.Simulator.Control.Counters.SafeHarbors);
        Assert.Equal(HangupCause.NormalClearing, end.Cause);
    }

    [Fact]
    public async Task Recording_StartsAndStopsMixMonitorOnTheLeg()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        var leg = SimulatedAsterisk.NewCustomerLeg();
        await asterisk.OriginateAsync(leg);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);

        await asterisk.Adapter.StartRecordingAsync(new RecordingCommand(leg, leg.Value), CancellationToken.None);
        var channel = asterisk.Simulator.Control.Channels.Single(c => c.Uniqueid == leg.Value);
        await asterisk.Adapter.StopRecordingAsync(new RecordingCommand(leg, leg.Value), CancellationToken.None);

        Assert.EndsWith($"/{leg.Value}.wav", channel.Variables["MIXMONITOR_FILENAME"], StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => asterisk.Adapter.StartRecordingAsync(new RecordingCommand(leg, "../../etc/x"), CancellationToken.None));
    }

    [Fact]
    public async Task Transfer_SendsTheCustomerToTheDestination()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live, talkSeconds: 0.2));
        var leg = SimulatedAsterisk.NewCustomerLeg();
        await asterisk.OriginateAsync(leg);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);

        await asterisk.Adapter.TransferAsync(new TransferCommand(leg, "2050"), CancellationToken.None);
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal(HangupCause.NormalClearing, end.Cause);
        Assert.Equal(1, asterisk.Simulator.Control.Counters.Redirects);
    }

    [Theory]
    [InlineData(MonitorMode.Listen, "qsE")]
    [InlineData(MonitorMode.Whisper, "qswE")]
    [InlineData(MonitorMode.Barge, "qsBE")]
    public async Task Monitor_CallsTheSupervisorIntoChanSpyOnTheAgentsChannel(MonitorMode mode, string options)
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        var agent = LegId.ForAgent(3, 1);
        await asterisk.OpenAgentLegAsync(agent, 3);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Answered);
        var agentChannel = asterisk.Simulator.Control.Channels.Single(c => c.Uniqueid == agent.Value).Name;

        await asterisk.Adapter.MonitorAsync(new MonitorCommand(agent, "Local/9001@sim-agents", mode), CancellationToken.None);

        var spy = await WaitForChannelAsync(asterisk, c => c.Application == "ChanSpy");
        Assert.Equal($"{agentChannel},{options}", spy.ApplicationData);
    }

    [Fact]
    public async Task Commands_OnUnknownLegs_AreTypedErrors()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        var nobody = SimulatedAsterisk.NewCustomerLeg();

        await Assert.ThrowsAsync<UnknownLegException>(() => asterisk.Adapter.BridgeAsync(new BridgeCommand(nobody, LegId.ForAgent(1, 1)), CancellationToken.None));
        await Assert.ThrowsAsync<UnknownLegException>(() => asterisk.Adapter.PlayThenHangupAsync(new PlayThenHangupCommand(nobody, "x"), CancellationToken.None));
        await asterisk.Adapter.HangupAsync(new HangupCommand(nobody), CancellationToken.None);
    }

    [Fact]
    public async Task OriginateRefusedByAsterisk_IsARejection_AndTheLegIsForgotten()
    {
        await using var asterisk = await SimulatedAsterisk.StartAsync(SimulatedAsterisk.Always(OutcomeClass.Live));
        asterisk.Simulator.Control.FailAction("Originate", "Originate failed", times: 1);
        var leg = SimulatedAsterisk.NewCustomerLeg();

        var error = await Assert.ThrowsAsync<SwitchCommandRejectedException>(() => asterisk.OriginateAsync(leg));

        Assert.Contains("Originate failed", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnknownLegException>(() => asterisk.Adapter.PlayThenHangupAsync(new PlayThenHangupCommand(leg, "x"), CancellationToken.None));
    }

    private static async Task<Orchestrator.Simulator.Control.SimulatedChannel> WaitForChannelAsync(SimulatedAsterisk asterisk, Func<Orchestrator.Simulator.Control.SimulatedChannel, bool> match)
    {
        for (var i = 0; i < 500; i++)
        {
            if (asterisk.Simulator.Control.Channels.FirstOrDefault(match) is { } channel)
            {
                return channel;
            }

            await Task.Delay(20);
        }

        Assert.Fail("No such channel appeared in the simulator.");
        return null!;
    }
}
