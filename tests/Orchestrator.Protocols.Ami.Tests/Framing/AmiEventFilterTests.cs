using System.Buffers;
using System.Text;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ami.Tests.Framing;

/// <summary>
/// The frame reader with an event filter: an event no rule keeps is cut as an ignored frame of the same length, in
/// its place, and everything else is the message the reader would have made without the filter.
/// </summary>
public sealed class AmiEventFilterTests
{
    private static readonly AmiEventFilter DialerFilter = new([
        new AmiEventRule("Newchannel"),
        new AmiEventRule("Newstate"),
        new AmiEventRule("Hangup"),
        new AmiEventRule("VarSet", "Variable", "AMDSTATUS", "AMDCAUSE"),
    ]);

    public static TheoryData<string> AmiTranscripts => FixtureFiles.Transcripts("asterisk", "ami-");

    [Theory]
    [MemberData(nameof(AmiTranscripts))]
    public void Fixture_WholeAndOneByteAtATime_IgnoresExactlyTheEventsNoRuleKeeps(string file)
    {
        var transcript = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file));
        foreach (var connection in transcript.Connections)
        {
            var bytes = transcript.Stream(connection, TranscriptDirection.Server);
            var unfiltered = FrameFeeder.Whole(bytes, expectBanner: true);
            foreach (var filtered in new[] { Read(bytes, chunkSize: bytes.Length), Read(bytes, chunkSize: 1) })
            {
                Assert.Equal(unfiltered.Count, filtered.Count);
                for (var i = 0; i < unfiltered.Count; i++)
                {
                    var message = unfiltered[i].Message!;
                    Assert.Equal(unfiltered[i].Length, filtered[i].Length);
                    Assert.Equal(!Kept(message), filtered[i].IsIgnored);
                    Assert.Equal(Kept(message) ? message.ToString() : null, filtered[i].Message?.ToString());
                }
            }

            if (file.StartsWith("ami-originate", StringComparison.Ordinal) || file.StartsWith("ami-amd", StringComparison.Ordinal))
            {
                Assert.Contains(unfiltered, f => !Kept(f.Message!)); // a call streams events a dialer skips
            }
        }
    }

    [Theory]
    [InlineData("Event: VarSet\r\nChannel: PJSIP/1\r\nVariable: AMDSTATUS\r\nValue: MACHINE\r\n\r\n", false)]
    [InlineData("Event: VarSet\r\nchannel: PJSIP/1\r\nVARIABLE: amdstatus\r\nValue: HUMAN\r\n\r\n", false)]
    [InlineData("Event: VarSet\r\nVariable: AMDCAUSE\r\nValue: TOOLONG-5000\r\n\r\n", false)]
    [InlineData("Event: VarSet\r\nVariable: DIALSTATUS\r\nValue: ANSWER\r\n\r\n", true)]
    [InlineData("Event: VarSet\r\nChannel: PJSIP/1\r\n\r\n", true)] // no Variable at all
    [InlineData("Event: VarSet\r\nVariable: DIALSTATUS\r\nVariable: AMDSTATUS\r\n\r\n", true)] // the first occurrence counts, as views read it
    [InlineData("Event: Newexten\r\nChannel: PJSIP/1\r\n\r\n", true)]
    [InlineData("Event: newchannel\r\nChannel: PJSIP/1\r\n\r\n", true)] // event names are Asterisk's exact spelling
    [InlineData("Event: Newexten\r\nActionID: 42\r\n\r\n", false)] // an ActionID may tie it to a list or an action
    [InlineData("ActionID: 42\r\nEvent: Newexten\r\n\r\n", false)]
    [InlineData("Response: Success\r\nEvent: Newexten\r\n\r\n", false)] // a response, whatever follows
    [InlineData("Action: Ping\r\n\r\n", false)]
    [InlineData("Privilege: call,all\r\nEvent: Newexten\r\n\r\n", true)] // the kind header need not be first
    [InlineData("Privilege: call,all\r\n\r\n", false)] // malformed: left to the reader to report
    public void OneFrame(string frame, bool ignored)
    {
        var frames = Read(Encoding.ASCII.GetBytes("Asterisk Call Manager/11.0.0\r\n" + frame), chunkSize: int.MaxValue);

        Assert.Equal(2, frames.Count);
        Assert.Equal(ignored, frames[1].IsIgnored);
        Assert.Equal(ignored, frames[1].Message is null);
        Assert.Equal(frame.Length - 2, frames[1].Length); // the content, without the blank line, as for any frame
    }

    [Fact]
    public void Rules_AreChecked_WhenTheFilterIsMade()
    {
        Assert.Throws<ArgumentException>(() => new AmiEventFilter(Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => new AmiEventFilter(["Hangup", "Hangup"]));
        Assert.Throws<ArgumentException>(() => new AmiEventFilter(["Hang up"]));
        Assert.Throws<ArgumentException>(() => new AmiEventFilter([""]));
        Assert.Throws<ArgumentException>(() => new AmiEventRule("VarSet", "Variable"));
        Assert.Throws<ArgumentException>(() => new AmiEventRule("VarSet", null, "AMDSTATUS"));
        Assert.Throws<ArgumentException>(() => new AmiEventRule("VarSet", "Variable:", "AMDSTATUS"));
        Assert.Throws<ArgumentException>(() => new AmiEventRule("VarSet", "Variable", "AMD\r\nEvent: Hangup"));
        Assert.Throws<ArgumentException>(() => new AmiEventRule("VarSet", "Variable", "AMDSTÄTUS")); // could never match
        Assert.Throws<ArgumentException>(() => new AmiEventRule("Hängup"));
        Assert.Equal("Hangup, VarSet(Variable: AMDSTATUS|AMDCAUSE)", new AmiEventFilter([new AmiEventRule("Hangup"), new AmiEventRule("VarSet", "Variable", "AMDSTATUS", "AMDCAUSE")]).ToString());
    }

    /// <summary>What <see cref="DialerFilter"/> means, said from the whole message rather than the filter's code.</summary>
    private static bool Kept(AmiMessage message) =>
        message.Kind != AmiMessageKind.Event
        || message.ActionId is not null
        || message.EventName is "Newchannel" or "Newstate" or "Hangup"
        || (message.EventName == "VarSet" && (message.ValueEquals("Variable", "AMDSTATUS") || message.ValueEquals("Variable", "AMDCAUSE")));

    private static List<AmiFrame> Read(byte[] bytes, int chunkSize)
    {
        var reader = new AmiFrameReader(expectBanner: true) { EventFilter = DialerFilter };
        var frames = new List<AmiFrame>();
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, offset, Math.Min(chunkSize, bytes.Length - offset));
            while (reader.TryRead(ref buffer, out var frame))
            {
                frames.Add(frame);
            }
        }

        return frames;
    }
}
