using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;

namespace Orchestrator.Simulator.Lab;

/// <summary>
/// Cuts a transcript into whole messages per connection and direction, in transcript order, parsing each with
/// the production frame reader. Pure: a transcript in, messages out.
/// </summary>
public static class RecordingReader
{
    public static IReadOnlyList<RecordedMessage> Read(AsteriskTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var messages = new List<RecordedMessage>();
        var pending = new Dictionary<(string, TranscriptDirection), (TimeSpan Start, MemoryStream Bytes)>();
        var bannerSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in transcript.Lines)
        {
            var key = (line.Connection, line.Direction);
            if (line.Kind == TranscriptLineKind.Note)
            {
                messages.Add(new RecordedMessage(line.Offset, line.Connection, line.Direction, null, line.Text, false, []));
                continue;
            }

            if (line.Direction == TranscriptDirection.Server && bannerSeen.Add(line.Connection) && !line.Text.Contains(':', StringComparison.Ordinal))
            {
                var banner = AmiMessageBuilder.Banner(line.Text);
                messages.Add(new RecordedMessage(line.Offset, line.Connection, line.Direction, banner, null, true, line.Bytes));
                continue;
            }

            if (!pending.TryGetValue(key, out var current))
            {
                current = (line.Offset, new MemoryStream());
                pending[key] = current;
            }

            current.Bytes.Write(line.Bytes);
            if (line.Kind == TranscriptLineKind.Line && line.Text.Length == 0)
            {
                var bytes = current.Bytes.ToArray();
                current.Bytes.Dispose();
                pending.Remove(key);
                messages.Add(new RecordedMessage(current.Start, line.Connection, line.Direction, Parse(bytes), null, false, bytes));
            }
        }

        foreach (var (_, (_, stream)) in pending)
        {
            stream.Dispose();
        }

        return messages;
    }

    /// <summary>One message's bytes (ending with the blank line) as an <see cref="AmiMessage"/>; a header-less frame yields null.</summary>
    public static AmiMessage? Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new AmiFrameReader(expectBanner: false);
        var sequence = new System.Buffers.ReadOnlySequence<byte>(bytes.ToArray());
        return reader.TryRead(ref sequence, out var frame) ? frame.Message : null;
    }
}
