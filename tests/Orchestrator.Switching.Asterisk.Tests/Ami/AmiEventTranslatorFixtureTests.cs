using Orchestrator.Core.Calls;
using Orchestrator.Protocols.Ami;
using Orchestrator.Switching.Asterisk.Ami;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Tests.Ami;

/// <summary>
/// The translator fed with what a real Asterisk 22 sent: every leg the recorder originated must get the
/// normalized events a dialer needs, in the right order, ending once with the right cause.
/// </summary>
public sealed class AmiEventTranslatorFixtureTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 19, 50, 0, TimeSpan.Zero);

    [Fact]
    public void Answered_GivesDialingRingingAnsweredThenNormalClearing()
    {
        var events = Translate("ami-originate-answered.txt");

        var leg = new LegId("lead-123-a");
        Assert.Equal(
            [LegEventKind.Dialing, LegEventKind.Ringing, LegEventKind.Answered, LegEventKind.Ended],
            events.Where(e => e.Leg == leg).Select(e => e.Kind));
        var end = events.Single(e => e.Kind == LegEventKind.Ended);
        Assert.Equal(HangupCause.NormalClearing, end.Cause);
        Assert.Equal("16 Normal Clearing", end.RawCause);
    }

    [Theory]
    [InlineData("ami-originate-busy.txt", HangupCause.Busy, "OriginateResponse Reason 5")]
    [InlineData("ami-originate-noanswer.txt", HangupCause.NoAnswer, "OriginateResponse Reason 3")]
    [InlineData("ami-originate-congestion.txt", HangupCause.Congestion, "OriginateResponse Reason 8")]
    public void Unanswered_EndsOnceWithTheOriginateReason(string file, HangupCause cause, string raw)
    {
        var events = Translate(file);

        var end = Assert.Single(events);
        Assert.Equal(LegEventKind.Ended, end.Kind);
        Assert.Equal(cause, end.Cause);
        Assert.Equal(raw, end.RawCause);
    }

    [Fact]
    public void FailedChannel_EndsAsChannelUnavailable_WithoutEverDialing()
    {
        var events = Translate("ami-originate-failed-channel.txt");

        Assert.All(events, e => Assert.Equal(LegEventKind.Ended, e.Kind));
        Assert.Contains(events, e => e.Cause == HangupCause.ChannelUnavailable);
    }

    [Theory]
    [InlineData("ami-amd-human.txt", LegEventKind.HumanDetected, "HUMAN")]
    [InlineData("ami-amd-machine.txt", LegEventKind.MachineDetected, "MACHINE")]
    public void AnsweringMachineDetection_GivesItsVerdictAfterAnswer(string file, LegEventKind verdict, string raw)
    {
        var events = Translate(file);

        var kinds = events.Select(e => e.Kind).ToList();
        Assert.True(kinds.IndexOf(LegEventKind.Answered) < kinds.IndexOf(verdict), string.Join(", ", kinds));
        Assert.Equal(raw, events.Single(e => e.Kind == verdict).RawCause);
        Assert.Equal(LegEventKind.Ended, kinds[^1]);
    }

    [Fact]
    public void TwentyInterleavedOriginates_EachLegEndsOnceWithItsOwnCause()
    {
        var events = Translate("ami-concurrent-originates.txt");

        // Last digit of each number: 0-4 answer, 6 busy, 7 no answer, 8 congestion (README of the fixtures).
        var numbers = RecordedEvents.ClientActions("ami-concurrent-originates.txt").Where(a => a.ActionName == "Originate")
            .ToDictionary(a => a["ChannelId"]!, a => a["Channel"]![a["Channel"]!.IndexOf('@', StringComparison.Ordinal) - 1]);
        Assert.Equal(20, numbers.Count);
        foreach (var (channelId, digit) in numbers)
        {
            var legEvents = events.Where(e => e.Leg.Value == channelId).ToList();
            var end = Assert.Single(legEvents, e => e.Kind == LegEventKind.Ended);
            Assert.Equal(legEvents[^1], end);
            var expected = digit switch
            {
                '6' => HangupCause.Busy,
                '7' => HangupCause.NoAnswer,
                '8' => HangupCause.Congestion,
                _ => HangupCause.NormalClearing,
            };
            Assert.Equal(expected, end.Cause);
            Assert.Equal(expected == HangupCause.NormalClearing, legEvents.Any(e => e.Kind == LegEventKind.Answered));
        }
    }

    public static TheoryData<string> AmiTranscripts => Orchestrator.TestSupport.FixtureFiles.Transcripts("asterisk", "ami-");

    [Theory]
    [MemberData(nameof(AmiTranscripts))]
    public void TheAdaptersEventFilter_CutsNothingTheTranslatorReads(string file)
    {
        var all = Translate(file);
        var filtered = Translate(file, AmiEventTranslator.Filter);

        Assert.Equal(all, filtered);
    }

    [Fact]
    public void TheAdaptersEventFilter_CutsMostOfWhatARealAsteriskSends()
    {
        var files = ((IEnumerable<object[]>)AmiTranscripts).Select(row => (string)row[0]).ToList();
        var all = files.Sum(f => RecordedEvents.ServerMessages(f).Count(m => m.Kind == AmiMessageKind.Event));
        var kept = files.Sum(f => RecordedEvents.ServerMessages(f, filter: AmiEventTranslator.Filter).Count(m => m.Kind == AmiMessageKind.Event));

        // Over the recorded mix about one event in seven is one the adapter reads (see docs/performance.md).
        Assert.InRange(kept, 1, all / 4);
    }

    /// <summary>Registers every leg the recorder originated (by ChannelId when it set one), then feeds every event.</summary>
    private static List<LegEvent> Translate(string file, Protocols.Ami.Framing.AmiEventFilter? filter = null)
    {
        var translator = new AmiEventTranslator(new AmiSwitchOptions());
        var originates = RecordedEvents.ClientActions(file).Where(a => a.ActionName == "Originate").ToList();
        var index = 0;
        foreach (var originate in originates)
        {
            var leg = new LegId(originate["ChannelId"] ?? $"unnamed-{index++}");
            translator.Register(leg, agentId: null, originate.ActionId!, generation: 1);
        }

        var output = new List<LegEvent>();
        foreach (var message in RecordedEvents.ServerMessages(file, filter: filter).Where(m => m.Kind == AmiMessageKind.Event))
        {
            translator.Translate(message, At, output);
        }

        return output;
    }
}
