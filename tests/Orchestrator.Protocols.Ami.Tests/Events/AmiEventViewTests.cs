using System.Buffers;
using Orchestrator.Protocols.Ami.Events;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ami.Tests.Events;

/// <summary>The typed views read what a real Asterisk 22 sent.</summary>
public sealed class AmiEventViewTests
{
    [Fact]
    public void AnsweredOriginate_ReadsStateReasonAndCause()
    {
        var events = Events("ami-originate-answered.txt");

        var up = events.Select(m => NewstateEvent.TryRead(m, out var v) ? v : (NewstateEvent?)null).OfType<NewstateEvent>()
            .First(v => v.Uniqueid == "lead-123-a" && v.ChannelState == NewstateEvent.Up);
        Assert.Equal("Local/5551230@sim-customers-00000000;1", up.Channel);
        Assert.Equal("Up", up.ChannelStateDesc);

        var response = Single<OriginateResponseEvent>(events, OriginateResponseEvent.TryRead);
        Assert.True(response.Succeeded);
        Assert.Equal(4, response.Reason);
        Assert.Equal("lead-123-a", response.Uniqueid);
        Assert.Equal("orig-lead-123", response.ActionId);

        var hangup = events.Select(m => HangupEvent.TryRead(m, out var v) ? v : (HangupEvent?)null).OfType<HangupEvent>().First(h => h.Uniqueid == "lead-123-a");
        Assert.Equal(16, hangup.Cause);
        Assert.Equal("Normal Clearing", hangup.CauseText);
    }

    [Fact]
    public void BusyOriginate_FailsWithReasonFive_AndNamesTheDialString()
    {
        var response = Single<OriginateResponseEvent>(Events("ami-originate-busy.txt"), OriginateResponseEvent.TryRead);

        Assert.False(response.Succeeded);
        Assert.Equal(5, response.Reason);
        Assert.Equal("Local/5551236@sim-customers", response.Channel);
        Assert.Equal("<unknown>", response.Uniqueid);
    }

    [Fact]
    public void AmdMachine_IsAVarSetOfAmdStatus()
    {
        var verdict = Events("ami-amd-machine.txt")
            .Select(m => VarSetEvent.TryRead(m, out var v) ? v : (VarSetEvent?)null).OfType<VarSetEvent>()
            .Single(v => v.Is("AMDSTATUS"));

        Assert.Equal("MACHINE", verdict.Value);
    }

    [Fact]
    public void CoreShowChannelItems_ReadUniqueidAndState()
    {
        var items = Events("ami-coreshowchannels-status.txt")
            .Select(m => CoreShowChannelEvent.TryRead(m, out var v) ? v : (CoreShowChannelEvent?)null).OfType<CoreShowChannelEvent>()
            .ToList();

        Assert.Equal(10, items.Count);
        Assert.All(items, i => Assert.True(i.IsUp));
        Assert.Contains(items, i => i.Uniqueid == "lead-161-b" && i.Linkedid == "lead-161-a" && i.Application == "Wait");
    }

    [Fact]
    public void TryRead_OnAnotherEvent_IsFalse_AndMissingNumbersReadAsMinusOne()
    {
        var message = new AmiMessageBuilder().Add("Event", "Newchannel").Add("Channel", "PJSIP/a-1").Build();

        Assert.False(HangupEvent.TryRead(message, out _));
        Assert.True(NewchannelEvent.TryRead(message, out var created));
        Assert.Equal("PJSIP/a-1", created.Channel);
        Assert.Equal(-1, new HangupEvent(message).Cause);
    }

    private static T Single<T>(List<AmiMessage> events, TryReadView<T> read)
        where T : struct =>
        events.Select(m => read(m, out var v) ? v : (T?)null).OfType<T>().Single();

    private delegate bool TryReadView<T>(AmiMessage message, out T view);

    private static List<AmiMessage> Events(string file)
    {
        var bytes = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file)).Stream("ami", TranscriptDirection.Server);
        var reader = new AmiFrameReader(expectBanner: true);
        var buffer = new ReadOnlySequence<byte>(bytes);
        var events = new List<AmiMessage>();
        while (reader.TryRead(ref buffer, out var frame))
        {
            if (frame.Message is { Kind: AmiMessageKind.Event } message)
            {
                events.Add(message);
            }
        }

        return events;
    }
}
