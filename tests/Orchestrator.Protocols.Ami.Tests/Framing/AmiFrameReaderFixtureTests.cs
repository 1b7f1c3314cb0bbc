using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ami.Tests.Framing;

/// <summary>
/// Every AMI transcript recorded from a real Asterisk 22, parsed whole, one byte at a time and over
/// ragged segments: the messages must be the same, and writing them back must give the recorded bytes.
/// </summary>
public sealed class AmiFrameReaderFixtureTests
{
    public static TheoryData<string> AmiTranscripts => FixtureFiles.Transcripts("asterisk", "ami-");

    [Theory]
    [MemberData(nameof(AmiTranscripts))]
    public void ServerStream_ParsedWhole_WritesBackByteForByte(string file)
    {
        foreach (var (connection, bytes) in ServerStreams(file))
        {
            var frames = FrameFeeder.Whole(bytes, expectBanner: true);

            Assert.All(frames, f => Assert.Equal(AmiFrameError.None, f.Error));
            Assert.Equal(AmiMessageKind.Banner, frames[0].Message!.Kind);
            Assert.Equal(bytes, FrameFeeder.Reserialize(frames));
            Assert.Equal(CountMessages(file, connection, TranscriptDirection.Server), frames.Count);
        }
    }

    [Theory]
    [MemberData(nameof(AmiTranscripts))]
    public void ServerStream_FedOneByteAtATime_GivesTheSameMessages(string file)
    {
        foreach (var (_, bytes) in ServerStreams(file))
        {
            var whole = FrameFeeder.Whole(bytes, expectBanner: true);
            var byteByByte = FrameFeeder.Chunked(bytes, expectBanner: true, chunkSize: 1);

            AssertSameMessages(whole, byteByByte);
        }
    }

    [Theory]
    [MemberData(nameof(AmiTranscripts))]
    public void ServerStream_OverRaggedSegments_GivesTheSameMessages(string file)
    {
        var random = new Random(file.Length);
        foreach (var (_, bytes) in ServerStreams(file))
        {
            var sizes = Enumerable.Range(0, bytes.Length).Select(_ => random.Next(1, 700)).ToList();
            var whole = FrameFeeder.Whole(bytes, expectBanner: true);

            AssertSameMessages(whole, FrameFeeder.Segmented(bytes, expectBanner: true, sizes));
            AssertSameMessages(whole, FrameFeeder.Chunked(bytes, expectBanner: true, chunkSize: 37));
        }
    }

    [Theory]
    [MemberData(nameof(AmiTranscripts))]
    public void ClientStream_ParsedAsActions_WritesBackByteForByte(string file)
    {
        var transcript = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file));
        foreach (var connection in transcript.Connections)
        {
            var bytes = transcript.Stream(connection, TranscriptDirection.Client);
            var frames = FrameFeeder.Chunked(bytes, expectBanner: false, chunkSize: 1);

            // ami-errors.txt sends one request without an Action header on purpose: Asterisk answers
            // "Missing action in request". Our reader reports it as a malformed frame and carries on.
            var actions = frames.Where(f => f.Error == AmiFrameError.None).ToList();
            Assert.All(actions, f => Assert.Equal(AmiMessageKind.Action, f.Message!.Kind));
            Assert.Equal(CountMessages(file, connection, TranscriptDirection.Client), frames.Count);
            if (actions.Count == frames.Count)
            {
                Assert.Equal(bytes, FrameFeeder.Reserialize(frames));
            }
        }
    }

    private static List<(string Connection, byte[] Bytes)> ServerStreams(string file)
    {
        var transcript = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file));
        return transcript.Connections
            .Select(c => (c, transcript.Stream(c, TranscriptDirection.Server)))
            .Where(s => s.Item2.Length > 0)
            .ToList();
    }

    /// <summary>Messages in the transcript: one per empty line, plus the banner on the server side.</summary>
    private static int CountMessages(string file, string connection, TranscriptDirection direction)
    {
        var lines = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file)).Lines
            .Where(l => l.Connection == connection && l.Direction == direction && l.Kind == TranscriptLineKind.Line)
            .ToList();
        var banner = direction == TranscriptDirection.Server && lines.Count > 0 ? 1 : 0;
        return lines.Count(l => l.Text.Length == 0) + banner;
    }

    private static void AssertSameMessages(List<AmiFrame> expected, List<AmiFrame> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Error, actual[i].Error);
            Assert.Equal(expected[i].Message?.ToString(), actual[i].Message?.ToString());
            Assert.Equal(expected[i].Message?.Headers(), actual[i].Message?.Headers());
        }
    }
}
