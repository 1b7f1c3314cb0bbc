using Orchestrator.Core.Calls;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Tests.Ari;

/// <summary>Every command of the ARI adapter against the simulated Asterisk, over loopback HTTP and WebSocket.</summary>
public sealed class AriSwitchAdapterSimulatorTests
{
    [Fact]
    public async Task Originate_AnsweredCustomer_ReportsProgressInOrder_AndHangupEndsIt()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30));
        var leg = SimulatedAsteriskAri.NewCustomerLeg();

        await asterisk.OriginateAsync(leg);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);
        await asterisk.Adapter.HangupAsync(new HangupCommand(leg), CancellationToken.None);
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);
        await asterisk.Adapter.HangupAsync(new HangupCommand(leg), CancellationToken.None); // already gone: not an error

        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered, LegEventKind.Ended], asterisk.EventsOf(leg).Select(e => e.Kind));
        Assert.Equal(HangupCause.NormalClearing, end.Cause);
        var originate = Assert.Single(asterisk.Control.Requests, r => r is { Method: "POST", Path: "/ari/channels" });
        Assert.Contains($"channelId={leg}", originate.Query, StringComparison.Ordinal);
        Assert.Contains("endpoint=PJSIP%2F15551230001%40trunk", originate.Query, StringComparison.Ordinal);
        Assert.Contains(asterisk.Control.Requests, r => r.Method == "DELETE" && r.Path == $"/ari/channels/{leg}" && r.Query == "reason_code=16");
    }

    [Theory]
    [InlineData(OutcomeClass.Busy, HangupCause.Busy, "Dial BUSY")]
    [InlineData(OutcomeClass.NoAnswer, HangupCause.NoAnswer, "19 User alerting, no answer")]
    public async Task Originate_Unanswered_EndsOnceWithItsCause(OutcomeClass outcome, HangupCause cause, string raw)
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(outcome));
        var leg = SimulatedAsteriskAri.NewCustomerLeg();

        await asterisk.OriginateAsync(leg, ringSeconds: 0.5);
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal(cause, end.Cause);
        Assert.StartsWith(raw, end.RawCause, StringComparison.Ordinal);
        Assert.DoesNotContain(asterisk.EventsOf(leg), e => e.Kind == LegEventKind.Answered);
        Assert.Single(asterisk.EventsOf(leg), e => e.Kind == LegEventKind.Ended);
    }

    [Theory]
    [InlineData(true, HangupCause.Congestion)]
    [InlineData(false, HangupCause.ChannelUnavailable)]
    public async Task Originate_FailedByTheNetwork_EndsWithTheDialStatus(bool congestion, HangupCause cause)
    {
        var model = SimulatedAsteriskAri.Always(OutcomeClass.Failed);
        var lead = Enumerable.Range(0, 100).First(i => model.Draw(i).FailureIsCongestion == congestion);
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(model);
        var leg = SimulatedAsteriskAri.NewCustomerLeg();

        await asterisk.OriginateAsync(leg, variables: new Dictionary<string, string> { ["ORCH_LEAD_INDEX"] = lead.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal(cause, end.Cause);
        Assert.DoesNotContain(asterisk.EventsOf(leg), e => e.Kind == LegEventKind.Answered);
    }

    [Fact]
    public async Task Originate_RefusedByAsterisk_IsARejection_AndTheLegIsForgotten()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live));
        asterisk.Control.FailRequest("POST /channels", 500, "Allocation failed", times: 1);
        var leg = SimulatedAsteriskAri.NewCustomerLeg();

        var error = await Assert.ThrowsAsync<SwitchCommandRejectedException>(() => asterisk.OriginateAsync(leg));

        Assert.Contains("Allocation failed", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnknownLegException>(() => asterisk.Adapter.PlayThenHangupAsync(new PlayThenHangupCommand(leg, "x"), CancellationToken.None));
    }

    [Theory]
    [InlineData(OutcomeClass.Live, LegEventKind.HumanDetected, "HUMAN HUMAN-803-800")]
    [InlineData(OutcomeClass.Machine, LegEventKind.MachineDetected, "MACHINE LONGGREETING-1500-1500")]
    public async Task Originate_WithMachineDetection_GivesTheVerdictAfterAnswer(OutcomeClass outcome, LegEventKind verdict, string raw)
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(outcome, talkSeconds: 30));
        var leg = SimulatedAsteriskAri.NewCustomerLeg();

        await asterisk.OriginateAsync(leg, detectMachine: true);
        var detected = await asterisk.WaitForLegAsync(leg, verdict);

        var kinds = asterisk.EventsOf(leg).Select(e => e.Kind).ToList();
        Assert.True(kinds.IndexOf(LegEventKind.Answered) < kinds.IndexOf(verdict), string.Join(", ", kinds));
        Assert.Equal(raw, detected.RawCause);
        Assert.Contains(asterisk.Control.Requests, r => r.Path == $"/ari/channels/{leg}/continue" && r.Query.Contains("context=orchestrator-ari-amd", StringComparison.Ordinal));
        Assert.Equal(1, asterisk.Control.Counters.AmdHuman + asterisk.Control.Counters.AmdMachine);
    }

    [Fact]
    public async Task AgentLeg_IsAnsweredOnceItWaitsInItsOwnHoldingBridge()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live));
        var agent = LegId.ForAgent(7, 1);

        await asterisk.OpenAgentLegAsync(agent, 7);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Answered);

        var holding = Assert.Single(asterisk.Control.Bridges);
        Assert.Equal($"orch-hold-{agent}", holding.Id);
        Assert.Equal("holding", holding.Type);
        Assert.Equal([agent.Value], holding.Channels);
        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered], asterisk.EventsOf(agent).Select(e => e.Kind));
    }

    [Fact]
    public async Task HangupLeftover_HangsUpTheListedChannel_AndAChannelAlreadyGoneIsNotAnError()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live));
        var agent = LegId.ForAgent(9, 1);
        await asterisk.OpenAgentLegAsync(agent, 9);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Answered);
        var channel = (await asterisk.Adapter.ListLiveChannelsAsync(CancellationToken.None)).Single(c => c.Leg == agent);

        await asterisk.Adapter.HangupLeftoverAsync(channel, HangupCause.NormalClearing, CancellationToken.None);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Ended);
        await asterisk.Adapter.HangupLeftoverAsync(channel, HangupCause.NormalClearing, CancellationToken.None);

        Assert.DoesNotContain(await asterisk.Adapter.ListLiveChannelsAsync(CancellationToken.None), c => c.Leg == agent);
        Assert.Contains(asterisk.Control.Requests, r => r.Method == "DELETE" && r.Path == $"/ari/channels/{channel.SwitchId}");
    }

    [Fact]
    public async Task Bridge_MovesTheAgentIntoACallBridge_AndBackToHoldingWhenTheCustomerHangsUp()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 0.3));

        var (agent, customer) = await asterisk.BridgedCallAsync(5);
        var bridged = asterisk.EventsOf(customer).Single(e => e.Kind == LegEventKind.Bridged);
        var end = await asterisk.WaitForLegAsync(customer, LegEventKind.Ended);
        var holding = await SimulatedAsteriskAri.WaitUntilAsync(
            () => asterisk.Control.Bridges is [{ Type: "holding" } only] && only.Channels.SequenceEqual([agent.Value]) ? only : null,
            "the agent is alone in its holding bridge again and the call bridge is gone");
        var live = await asterisk.Adapter.ListLiveChannelsAsync(CancellationToken.None);

        Assert.Equal(agent, bridged.OtherLeg);
        Assert.Equal(HangupCause.NormalClearing, end.Cause);
        Assert.Contains(LegEventKind.Unbridged, asterisk.EventsOf(customer).Select(e => e.Kind));
        Assert.Equal($"orch-hold-{agent}", holding.Id);
        Assert.DoesNotContain(asterisk.EventsOf(agent), e => e.Kind == LegEventKind.Ended);
        Assert.Contains(live, c => c.Leg == agent && c.IsAnswered);
        Assert.DoesNotContain(live, c => c.Leg == customer);
        Assert.Contains(asterisk.Control.Requests, r => r.Method == "DELETE" && r.Path == $"/ari/bridges/orch-call-{customer}");
    }

    [Fact]
    public async Task Bridge_OfACustomerNotAnsweredYet_IsRejected()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.NoAnswer));
        var agent = LegId.ForAgent(4, 1);
        var customer = SimulatedAsteriskAri.NewCustomerLeg();
        await asterisk.OpenAgentLegAsync(agent, 4);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Answered);
        await asterisk.OriginateAsync(customer, ringSeconds: 10);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Ringing);

        await Assert.ThrowsAsync<SwitchCommandRejectedException>(() => asterisk.Adapter.BridgeAsync(new BridgeCommand(customer, agent), CancellationToken.None));
        await asterisk.Adapter.HangupAsync(new HangupCommand(customer), CancellationToken.None);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Ended);
    }

    [Fact]
    public async Task PlayThenHangup_PlaysThePrompt_ThenHangsUpWhenThePlaybackFinishes()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30));
        var leg = SimulatedAsteriskAri.NewCustomerLeg();
        await asterisk.OriginateAsync(leg);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);

        await asterisk.Adapter.PlayThenHangupAsync(new PlayThenHangupCommand(leg, "custom/safe-harbor"), CancellationToken.None);
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal(HangupCause.NormalClearing, end.Cause);
        Assert.Equal(1, asterisk.Control.Counters.Playbacks);
        var requests = asterisk.Control.Requests.Where(r => r.Path.StartsWith($"/ari/channels/{leg}", StringComparison.Ordinal)).ToList();
        Assert.Equal(["POST", "DELETE"], requests.Select(r => r.Method));
        Assert.Contains("media=sound%3Acustom%2Fsafe-harbor", requests[0].Query, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => asterisk.Adapter.PlayThenHangupAsync(new PlayThenHangupCommand(leg, "../../etc/passwd"), CancellationToken.None));
    }

    [Fact]
    public async Task Hangup_OfUnknownOrFinishedLegs_IsNotAnError_ButOtherCommandsAreTypedErrors()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live));
        var nobody = SimulatedAsteriskAri.NewCustomerLeg();

        await asterisk.Adapter.HangupAsync(new HangupCommand(nobody), CancellationToken.None);
        await Assert.ThrowsAsync<UnknownLegException>(() => asterisk.Adapter.BridgeAsync(new BridgeCommand(nobody, LegId.ForAgent(1, 1)), CancellationToken.None));
        await Assert.ThrowsAsync<UnknownLegException>(() => asterisk.Adapter.PlayThenHangupAsync(new PlayThenHangupCommand(nobody, "x"), CancellationToken.None));
        await Assert.ThrowsAsync<UnknownLegException>(() => asterisk.Adapter.MonitorAsync(new MonitorCommand(nobody, "PJSIP/9001", MonitorMode.Listen), CancellationToken.None));
        Assert.DoesNotContain(asterisk.Control.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task Recording_StartsAndStopsTheRecordingOfTheCallBridge()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30));
        var (_, customer) = await asterisk.BridgedCallAsync(6);

        await asterisk.Adapter.StartRecordingAsync(new RecordingCommand(customer, customer.Value), CancellationToken.None);
        var recorded = asterisk.Control.Bridges.Single(b => b.Id == $"orch-call-{customer}");
        await asterisk.Adapter.StopRecordingAsync(new RecordingCommand(customer, customer.Value), CancellationToken.None);
        await asterisk.Adapter.StopRecordingAsync(new RecordingCommand(customer, customer.Value), CancellationToken.None); // stopped already: fine

        Assert.Equal(customer.Value, recorded.Recording);
        Assert.Contains(customer.Value, asterisk.Control.StoredRecordings);
        Assert.Null(asterisk.Control.Bridges.Single(b => b.Id == $"orch-call-{customer}").Recording);
        await Assert.ThrowsAsync<ArgumentException>(() => asterisk.Adapter.StartRecordingAsync(new RecordingCommand(customer, "../../etc/x"), CancellationToken.None));
    }

    [Theory]
    [InlineData(MonitorMode.Listen, "none")]
    [InlineData(MonitorMode.Whisper, "out")]
    public async Task Monitor_ListenAndWhisper_SnoopOnTheAgent_AndBridgeTheSnoopWithTheSupervisor(MonitorMode mode, string whisper)
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30));
        var (agent, _) = await asterisk.BridgedCallAsync(3);

        await asterisk.Adapter.MonitorAsync(new MonitorCommand(agent, "PJSIP/9001", mode), CancellationToken.None);
        var snoop = await SimulatedAsteriskAri.WaitUntilAsync(() => asterisk.Control.Channels.FirstOrDefault(c => c.SnoopTarget == agent.Value && c.BridgeId is not null), "the snoop channel is bridged");
        var bridge = asterisk.Control.Bridges.Single(b => b.Id == snoop.BridgeId);

        Assert.Equal("both", snoop.Spy);
        Assert.Equal(whisper, snoop.Whisper);
        Assert.Equal(2, bridge.Channels.Count);
        Assert.Contains(bridge.Channels, id => id.StartsWith($"orch.sup.{agent}.", StringComparison.Ordinal));
        Assert.Equal(1, asterisk.Control.Counters.Snoops);
    }

    [Fact]
    public async Task Monitor_Barge_AddsTheSupervisorToTheCallBridge_AndTheSupervisorLeavesWithTheCall()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30));
        var (agent, customer) = await asterisk.BridgedCallAsync(2);

        await asterisk.Adapter.MonitorAsync(new MonitorCommand(agent, "PJSIP/9001", MonitorMode.Barge), CancellationToken.None);
        var call = await SimulatedAsteriskAri.WaitUntilAsync(() => asterisk.Control.Bridges.FirstOrDefault(b => b.Id == $"orch-call-{customer}" && b.Channels.Count == 3), "the supervisor is in the call bridge");
        asterisk.Control.HangUp(customer.Value);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Ended);
        await SimulatedAsteriskAri.WaitUntilAsync(() => asterisk.Control.Channels.Any(c => c.Id.StartsWith("orch.sup.", StringComparison.Ordinal)) ? null : "gone", "the supervisor has left");

        Assert.Contains(call.Channels, id => id.StartsWith($"orch.sup.{agent}.", StringComparison.Ordinal));
        Assert.Equal(0, asterisk.Control.Counters.Snoops);
        Assert.DoesNotContain(asterisk.EventsOf(agent), e => e.Kind == LegEventKind.Ended);
    }

    [Fact]
    public async Task Transfer_SendsTheCustomerToTheTransferContext_AndItsEndIsStillReported()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 0.3));
        var leg = SimulatedAsteriskAri.NewCustomerLeg();
        await asterisk.OriginateAsync(leg);
        await asterisk.WaitForLegAsync(leg, LegEventKind.Answered);

        await asterisk.Adapter.TransferAsync(new TransferCommand(leg, "2050"), CancellationToken.None);
        var end = await asterisk.WaitForLegAsync(leg, LegEventKind.Ended);

        Assert.Equal(HangupCause.NormalClearing, end.Cause);
        Assert.Equal(1, asterisk.Control.Counters.Continues);
        Assert.Contains(asterisk.Control.Requests, r => r.Path == $"/ari/channels/{leg}/continue" && r.Query.Contains("extension=2050", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListLiveChannels_MapsChannelIdsToLegIds()
    {
        await using var asterisk = await SimulatedAsteriskAri.StartAsync(SimulatedAsteriskAri.Always(OutcomeClass.Live, talkSeconds: 30));
        var agent = LegId.ForAgent(8, 1);
        var customer = SimulatedAsteriskAri.NewCustomerLeg();
        await asterisk.OpenAgentLegAsync(agent, 8);
        await asterisk.OriginateAsync(customer);
        await asterisk.WaitForLegAsync(agent, LegEventKind.Answered);
        await asterisk.WaitForLegAsync(customer, LegEventKind.Answered);

        var live = await asterisk.Adapter.ListLiveChannelsAsync(CancellationToken.None);

        Assert.Equal(2, live.Count);
        Assert.Contains(live, c => c.Leg == agent && c.IsAnswered && c.State == "Up" && c.ChannelName.StartsWith("PJSIP/1008-", StringComparison.Ordinal));
        Assert.Contains(live, c => c.Leg == customer && c.SwitchId == customer.Value && c.ChannelName.StartsWith("PJSIP/trunk-", StringComparison.Ordinal));
    }
}
