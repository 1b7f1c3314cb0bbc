using System.Buffers;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Switching.Asterisk.Tests.Ami;

/// <summary>A transcript's recorded messages, both directions, in wire order.</summary>
internal static class RecordedEvents
{
    public static List<AmiMessage> ServerMessages(string file, string connection = "ami", AmiEventFilter? filter = null) =>
        Parse(AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file)).Stream(connection, TranscriptDirection.Server), expectBanner: true, filter);

    public static List<AmiMessage> ClientActions(string file, string connection = "ami") =>
        Parse(AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file)).Stream(connection, TranscriptDirection.Client), expectBanner: false)
            .Where(m => m.Kind == AmiMessageKind.Action)
            .ToList();

    private static List<AmiMessage> Parse(byte[] bytes, bool expectBanner, AmiEventFilter? filter = null)
    {
        var reader = new AmiFrameReader(expectBanner) { EventFilter = filter };
        var buffer = new ReadOnlySequence<byte>(bytes);
        var messages = new List<AmiMessage>();
        while (reader.TryRead(ref buffer, out var frame))
        {
            if (frame.Message is { } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }
}
