using System.Text.Json;
using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Protocols.Ari.Json;
using Orchestrator.Protocols.Ari.Tests.Support;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ari.Tests.Events;

/// <summary>Every event Asterisk 22 sent in the ARI transcripts, through the parser and the typed views.</summary>
public sealed class AriEventParserFixtureTests
{
    private static readonly HashSet<string> TypesWithoutView = ["ChannelDialplan", "ChannelCallerId", "ChannelConnectedLine"];

    public static TheoryData<string> Transcripts() => FixtureFiles.Transcripts("asterisk", "ari-");

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void EveryRecordedEvent_ParsesWhole_AndItsViewReadsEveryRecordedField(string file)
    {
        var transcript = AriScript.Load(file);
        var events = AriScript.Events(transcript);
        Assert.Equal(
            transcript.Lines.Count(l => l.Direction == Simulator.Recordings.TranscriptDirection.Server && l.Kind == Simulator.Recordings.TranscriptLineKind.Bytes && l.Connection == "ws"),
            events.Count);
        foreach (var recorded in events)
        {
            var parsed = AriEventParser.Parse(recorded.Payload);
            Assert.True(parsed.Success, $"{parsed.Error}: {parsed.Detail} in {recorded.Text}");
            var evt = parsed.Event!;
            using var document = JsonDocument.Parse(recorded.Payload);
            var root = document.RootElement;

            Assert.Equal(root.GetProperty("type").GetString(), evt.Type);
            Assert.Equal(recorded.Text, evt.Json.GetRawText());
            Assert.Equal("orchestrator", evt.Application);
            Assert.Equal("00:00:5e:00:53:01", evt.AsteriskId);
            Assert.Equal(AriTimestamp.Parse(root.GetProperty("timestamp").GetString()), evt.Timestamp);
            Assert.NotNull(evt.Timestamp);

            if (TypesWithoutView.Contains(evt.Type))
            {
                Assert.Null(evt.View);
                continue;
            }

            var view = evt.View;
            Assert.True(view is not null, $"no view for {evt.Type}");
            var written = JsonSerializer.SerializeToElement(view, view.GetType(), AriJsonContext.Default);
            JsonAssert.Covers(root, written, evt.Type);
        }
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void EveryRecordedEvent_FedOneBytePerFragment_AssemblesToTheSameEvent(string file)
    {
        var assembler = new AriMessageAssembler();
        foreach (var recorded in AriScript.Events(AriScript.Load(file)))
        {
            for (var i = 0; i < recorded.Payload.Length; i++)
            {
                var last = i == recorded.Payload.Length - 1;
                var status = assembler.Append(recorded.Payload.AsSpan(i, 1), last, out var message);
                if (!last)
                {
                    Assert.Equal(AriAssembleStatus.Incomplete, status);
                    continue;
                }

                Assert.Equal(AriAssembleStatus.Complete, status);
                Assert.True(message.SequenceEqual(recorded.Payload));
                Assert.Equal(recorded.Text, AriEventParser.Parse(message).Event!.Json.GetRawText());
            }
        }
    }

    [Fact]
    public void Fixtures_HoldEventsOfEveryTypedKindTheyExercise()
    {
        var types = AriScript.Files().SelectMany(file => AriScript.Events(AriScript.Load(file)))
            .Select(e => AriEventParser.Parse(e.Payload).Event!.Type)
            .ToHashSet();
        foreach (var expected in new[]
        {
            "StasisStart", "StasisEnd", "ChannelStateChange", "ChannelDestroyed", "ChannelHangupRequest", "Dial", "ChannelVarset",
            "ChannelEnteredBridge", "ChannelLeftBridge", "PlaybackStarted", "PlaybackFinished", "RecordingStarted", "RecordingFinished",
        })
        {
            Assert.Contains(expected, types);
        }
    }

    [Fact]
    public void OriginateAnswered_TypedViewsReadTheRecordedValues()
    {
        var events = Parse("ari-originate-answered.txt");

        var start = Single<StasisStartEvent>(events);
        Assert.Equal(["lead-200", "camp7"], start.Args);
        Assert.Equal("lead-200-a", start.Channel!.Id);
        Assert.Equal("Local/5551230@sim-customers-00000027;1", start.Channel.Name);
        Assert.Equal("Up", start.Channel.State);
        Assert.Equal("Campaign 7", start.Channel.Caller!.Name);
        Assert.Equal("5550001", start.Channel.Caller.Number);
        Assert.Equal("Stasis", start.Channel.Dialplan!.AppName);
        Assert.Equal("orchestrator,lead-200,camp7", start.Channel.Dialplan.AppData);
        Assert.Equal(1, start.Channel.Dialplan.Priority);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 19, 52, 15, 114, TimeSpan.Zero), start.Channel.CreationTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 19, 52, 16, 118, TimeSpan.Zero), start.Timestamp);
        Assert.Equal("en", start.Channel.Language);

        var dials = events.Select(e => e.As<DialEvent>()).OfType<DialEvent>().ToList();
        Assert.Equal(["", "RINGING", "ANSWER"], dials.Select(d => d.DialStatus));
        Assert.All(dials, d => Assert.Equal("lead-200-a", d.Peer!.Id));
        Assert.Equal("5551230@sim-customers", dials[0].DialString);
        Assert.Null(dials[0].Caller);

        var ringing = events.Select(e => e.As<ChannelStateChangeEvent>()).OfType<ChannelStateChangeEvent>().First();
        Assert.Equal(("lead-200-a", "Ringing"), (ringing.Channel!.Id, ringing.Channel.State));

        var varset = events.Select(e => e.As<ChannelVarsetEvent>()).OfType<ChannelVarsetEvent>().First();
        Assert.Equal(("CAMPAIGN", "camp7", "lead-200-b"), (varset.Variable, varset.Value, varset.Channel!.Id));

        var playbackStarted = Single<PlaybackStartedEvent>(events);
        Assert.Equal(("pb-lead-200", "sound:hello-world", "channel:lead-200-a", "playing"),
            (playbackStarted.Playback!.Id, playbackStarted.Playback.MediaUri, playbackStarted.Playback.TargetUri, playbackStarted.Playback.State));
        Assert.Equal("done", Single<PlaybackFinishedEvent>(events).Playback!.State);
        Assert.Equal("lead-200-a", Single<StasisEndEvent>(events).Channel!.Id);

        var hangups = events.Select(e => e.As<ChannelHangupRequestEvent>()).OfType<ChannelHangupRequestEvent>().ToList();
        Assert.Equal([(16, (bool?)null), (16, true)], hangups.Select(h => (h.Cause!.Value, h.Soft)));

        var destroyed = events.Select(e => e.As<ChannelDestroyedEvent>()).OfType<ChannelDestroyedEvent>().ToList();
        Assert.Equal([("lead-200-a", 16, "Normal Clearing"), ("lead-200-b", 16, "Normal Clearing")],
            destroyed.Select(d => (d.Channel!.Id, d.Cause, d.CauseText!)));

        var dialplan = events.First(e => e.Type == "ChannelDialplan");
        Assert.Null(dialplan.View);
        Assert.Equal("NoOp", dialplan.Json.GetProperty("dialplan_app").GetString());
    }

    [Fact]
    public void DialBusy_DialSaysBusy_AndTheAppsHangupGivesCause17()
    {
        var events = Parse("ari-dial-busy.txt");
        Assert.Equal(["", "BUSY"], events.Select(e => e.As<DialEvent>()).OfType<DialEvent>().Select(d => d.DialStatus));
        var request = Single<ChannelHangupRequestEvent>(events);
        Assert.Equal((32, true), (request.Cause, request.Soft));
        var destroyed = Single<ChannelDestroyedEvent>(events);
        Assert.Equal(("lead-211-a", 17, "User busy"), (destroyed.Channel!.Id, destroyed.Cause, destroyed.CauseText));
        Assert.Equal("Down", Single<StasisStartEvent>(events).Channel!.State);
    }

    [Fact]
    public void DialNoAnswer_AsteriskHangsUpWithCause19_AndSendsNoNoAnswerDial()
    {
        var events = Parse("ari-dial-noanswer.txt");
        Assert.Equal(["", "RINGING"], events.Select(e => e.As<DialEvent>()).OfType<DialEvent>().Select(d => d.DialStatus));
        Assert.Equal((19, "User alerting, no answer"), (Single<ChannelDestroyedEvent>(events).Cause, Single<ChannelDestroyedEvent>(events).CauseText));
    }

    [Fact]
    public void OriginateBusy_TheOriginatedHalfIsDestroyedWithCause0_TheDialSaysBusy()
    {
        var events = Parse("ari-originate-busy.txt");
        Assert.DoesNotContain(events, e => e.Type == "StasisStart");
        Assert.Contains("BUSY", events.Select(e => e.As<DialEvent>()?.DialStatus));
        var destroyed = events.Select(e => e.As<ChannelDestroyedEvent>()).OfType<ChannelDestroyedEvent>().ToDictionary(d => d.Channel!.Id, d => d.Cause);
        Assert.Equal(0, destroyed["lead-201-a"]);
        Assert.Equal(17, destroyed["lead-201-b"]);
    }

    [Fact]
    public void BridgeRecord_BridgeAndRecordingViewsReadTheRecordedValues()
    {
        var events = Parse("ari-bridge-record.txt");
        var entered = events.Select(e => e.As<ChannelEnteredBridgeEvent>()).OfType<ChannelEnteredBridgeEvent>().ToList();
        Assert.Equal(["lead-220-a", "agent-2001-a"], entered.Select(e => e.Channel!.Id));
        Assert.Equal(["agent-2001-a", "lead-220-a"], entered[1].Bridge!.Channels);
        Assert.Equal(("br-lead-220", "mixing", "simple_bridge", "stasis", "lead-220"),
            (entered[0].Bridge!.Id, entered[0].Bridge!.BridgeType, entered[0].Bridge!.Technology, entered[0].Bridge!.BridgeClass, entered[0].Bridge!.Name));

        var left = events.Select(e => e.As<ChannelLeftBridgeEvent>()).OfType<ChannelLeftBridgeEvent>().ToList();
        Assert.Equal(["lead-220-a", "agent-2001-a"], left.Select(e => e.Channel!.Id));
        Assert.Empty(left[1].Bridge!.Channels);

        var started = Single<RecordingStartedEvent>(events).Recording!;
        Assert.Equal(("lead-220-call", "wav", "recording", "bridge:br-lead-220"), (started.Name, started.Format, started.State, started.TargetUri));
        var finished = Single<RecordingFinishedEvent>(events).Recording!;
        Assert.Equal(("done", 4L), (finished.State, finished.Duration));
        Assert.Equal("br-lead-220", Single<BridgeDestroyedEvent>(events).Bridge!.Id);
    }

    private static List<AriEvent> Parse(string file) =>
        [.. AriScript.Events(AriScript.Load(file)).Select(e => AriEventParser.Parse(e.Payload).Event!)];

    private static T Single<T>(List<AriEvent> events)
        where T : AriEventView => Assert.Single(events.Select(e => e.As<T>()).OfType<T>());
}
