using System.Text;
using Orchestrator.Core.Calls;
using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Switching.Asterisk.Ari;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Tests.Ari;

/// <summary>
/// The translator fed with what a real Asterisk 22 sent over ARI: every leg gets the normalized events a dialer
/// needs, in order, ending once with the right cause, and asks for the REST calls the recordings show an
/// application must make itself.
/// </summary>
public sealed class AriEventTranslatorFixtureTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 19, 52, 0, TimeSpan.Zero);

    [Fact]
    public void OriginateAnswered_GivesDialingRingingAnsweredThenNormalClearing()
    {
        var run = Translate("ari-originate-answered.txt", Customer("lead-200-a"));

        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered, LegEventKind.Ended], run.Kinds("lead-200-a"));
        var end = run.Events.Single(e => e.Kind == LegEventKind.Ended);
        Assert.Equal(HangupCause.NormalClearing, end.Cause);
        Assert.Equal("16 Normal Clearing", end.RawCause);
        Assert.Empty(run.FollowUps);
    }

    [Fact]
    public void OriginateBusy_EndsAsBusyFromTheDialStatus_ThoughTheChannelSaysCauseZero()
    {
        var run = Translate("ari-originate-busy.txt", Customer("lead-201-a"));

        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ended], run.Kinds("lead-201-a"));
        var end = run.Events.Single(e => e.Kind == LegEventKind.Ended);
        Assert.Equal(HangupCause.Busy, end.Cause);
        Assert.Equal("Dial BUSY; ChannelDestroyed 0 Unknown", end.RawCause);
        Assert.Contains(new AriFollowUp.Hangup("lead-201-a", 17), run.FollowUps);
    }

    [Fact]
    public void DialBusy_HangsTheChannelUpOnTheDialStatus_BecauseAsteriskLeavesItUp()
    {
        var run = Translate("ari-dial-busy.txt", Customer("lead-211-a"));

        // The hangup is asked for by the Dial BUSY event itself, before any ChannelDestroyed (there would be none).
        var busy = run.FollowUpsAfter.FindIndex(f => f.Contains(new AriFollowUp.Hangup("lead-211-a", 17)));
        var destroyed = run.Recorded.IndexOf(AriEventTypes.ChannelDestroyed);
        Assert.InRange(busy, 0, destroyed - 1);
        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ended], run.Kinds("lead-211-a"));
        Assert.Equal(HangupCause.Busy, run.Events[^1].Cause);
        Assert.Equal("Dial BUSY; ChannelDestroyed 17 User busy", run.Events[^1].RawCause);
    }

    [Fact]
    public void DialNoAnswer_EndsWithCause19_WithoutANoAnswerDialStatus()
    {
        var run = Translate("ari-dial-noanswer.txt", Customer("lead-212-a"));

        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Ended], run.Kinds("lead-212-a"));
        Assert.Equal(HangupCause.NoAnswer, run.Events[^1].Cause);
        Assert.Equal("19 User alerting, no answer", run.Events[^1].RawCause);
        Assert.Empty(run.FollowUps);
    }

    [Fact]
    public void DialAnswered_IsAnsweredWhenTheChannelInStasisGoesUp_NotAtStasisStart()
    {
        var run = Translate("ari-dial-answered.txt", Customer("lead-210-a"));

        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered, LegEventKind.Ended], run.Kinds("lead-210-a"));
        var answeredAt = run.EventIndexOf(LegEventKind.Answered);
        Assert.Equal(AriEventTypes.ChannelStateChange, run.Types[answeredAt]);
        Assert.Equal(HangupCause.NormalClearing, run.Events[^1].Cause);
    }

    [Fact]
    public void BridgeRecord_ReportsTheCustomerBridgedToTheAgent_AndSendsTheAgentBackToHoldingWhenTheCustomerLeaves()
    {
        var customer = Customer("lead-220-a");
        var agent = new Leg(new LegId("agent-2001-a"), 2001);
        var run = Translate("ari-bridge-record.txt", [customer, agent], beginCall: "br-lead-220");

        Assert.Equal(
            [LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered, LegEventKind.Bridged, LegEventKind.Unbridged, LegEventKind.Ended],
            run.Kinds("lead-220-a"));
        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered, LegEventKind.Ended], run.Kinds("agent-2001-a"));
        Assert.Equal(agent.Id, run.Events.Single(e => e.Kind == LegEventKind.Bridged).OtherLeg);
        Assert.Contains(new AriFollowUp.EnterHolding(agent.Id, "orch-hold-agent-2001-a"), run.FollowUps);
        Assert.Contains(new AriFollowUp.ReturnToHolding(agent.Id, "orch-hold-agent-2001-a", "br-lead-220"), run.FollowUps);
        Assert.All(run.Events.Where(e => e.Kind == LegEventKind.Ended), e => Assert.Equal(HangupCause.NormalClearing, e.Cause));
    }

    [Theory]
    [InlineData("HUMAN", "HUMAN-803-800", LegEventKind.HumanDetected)]
    [InlineData("MACHINE", "LONGGREETING-1500-1500", LegEventKind.MachineDetected)]
    public void AmdVerdict_ArrivesAsStasisArguments_AfterTheAnswer(string status, string cause, LegEventKind verdict)
    {
        // The recorded answered call, with the StasisStart the AMD context sends (Stasis(orchestrator,amd,STATUS,CAUSE)).
        var events = RecordedAriEvents.Load("ari-originate-answered.txt");
        var start = events.Single(e => e.Type == AriEventTypes.StasisStart);
        var amdStart = AriEventParser.Parse(Encoding.UTF8.GetBytes(start.Json.GetRawText()
            .Replace("\"args\":[\"lead-200\",\"camp7\"]", $"\"args\":[\"amd\",\"{status}\",\"{cause}\"]", StringComparison.Ordinal))).Event!;
        var translator = new AriEventTranslator(new AriSwitchOptions());
        translator.Register(new LegId("lead-200-a"), agentId: null, detectMachine: true, generation: 1);
        var output = new List<LegEvent>();
        var followUps = new List<AriFollowUp>();

        foreach (var evt in events.TakeWhile(e => e != start).Append(start).Append(amdStart))
        {
            translator.Translate(evt, At, output, followUps);
        }

        Assert.Equal([LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered, verdict], output.Select(e => e.Kind));
        Assert.Equal($"{status} {cause}", output[^1].RawCause);
        Assert.Contains(new AriFollowUp.ContinueToAmd(new LegId("lead-200-a")), followUps);
    }

    private static Leg Customer(string id) => new(new LegId(id), null);

    private static Run Translate(string file, Leg leg) => Translate(file, [leg], beginCall: null);

    private static Run Translate(string file, Leg[] legs, string? beginCall)
    {
        var translator = new AriEventTranslator(new AriSwitchOptions());
        var tracked = legs.Select(l => translator.Register(l.Id, l.AgentId, detectMachine: false, generation: 1)).ToList();
        if (beginCall is not null)
        {
            AriEventTranslator.BeginCall(tracked.First(t => !t.IsAgent), tracked.First(t => t.IsAgent), beginCall);
        }

        var run = new Run();
        foreach (var evt in RecordedAriEvents.Load(file))
        {
            var before = run.Events.Count;
            translator.Translate(evt, At, run.Events, run.FollowUps);
            for (var i = before; i < run.Events.Count; i++)
            {
                run.Types.Add(evt.Type);
            }

            run.Recorded.Add(evt.Type);
            run.FollowUpsAfter.Add([.. run.FollowUps]);
        }

        return run;
    }

    private sealed record Leg(LegId Id, long? AgentId);

    private sealed class Run
    {
        public List<LegEvent> Events { get; } = [];

        /// <summary>For each leg event, the type of the ARI event that produced it.</summary>
        public List<string> Types { get; } = [];

        public List<AriFollowUp> FollowUps { get; } = [];

        /// <summary>The type of every recorded event, in order.</summary>
        public List<string> Recorded { get; } = [];

        /// <summary>After each recorded event, the follow-ups asked for so far.</summary>
        public List<List<AriFollowUp>> FollowUpsAfter { get; } = [];

        public List<LegEventKind> Kinds(string leg) => [.. Events.Where(e => e.Leg.Value == leg).Select(e => e.Kind)];

        public int EventIndexOf(LegEventKind kind) => Events.FindIndex(e => e.Kind == kind);
    }
}
