using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>One thing that happened on the wire, in recorded order.</summary>
internal abstract record AriStep
{
    /// <summary>The client opened the events socket: <see cref="Request"/> was answered with <see cref="Response"/>.</summary>
    public sealed record Upgrade(string Connection, HttpMessage Request, HttpMessage Response) : AriStep;

    /// <summary>Asterisk sent one event frame (header bytes as recorded, then the payload).</summary>
    public sealed record Event(byte[] Header, byte[] Payload) : AriStep
    {
        public string Text => Encoding.UTF8.GetString(Payload);
    }

    /// <summary>One REST request and Asterisk's response to it.</summary>
    public sealed record Exchange(string Connection, HttpMessage Request, HttpMessage Response) : AriStep;
}

/// <summary>
/// The ARI side of a transcript as a timeline: upgrades, event frames and REST exchanges in the order they
/// happened. Built from the exact bytes (<see cref="AsteriskTranscript"/>), so HTTP framing is checked as it goes.
/// </summary>
internal static partial class AriScript
{
    public static AsteriskTranscript Load(string file) => AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file));

    /// <summary>The names of every ARI transcript.</summary>
    public static List<string> Files() =>
        [.. Directory.GetFiles(FixtureFiles.Directory("asterisk"), "ari-*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static List<AriStep> For(AsteriskTranscript transcript)
    {
        var steps = new List<AriStep>();
        var buffers = new Dictionary<(string, TranscriptDirection), List<byte>>();
        var pendingRequests = new Dictionary<string, Queue<HttpMessage>>();
        var upgraded = new HashSet<string>();
        byte[]? frameHeader = null;

        foreach (var line in transcript.Lines)
        {
            var key = (line.Connection, line.Direction);
            if (line.Kind == TranscriptLineKind.Note)
            {
                frameHeader = line.Direction == TranscriptDirection.Server && FrameNote().Match(line.Text) is { Success: true } note && note.Groups[1].Value == "1"
                    ? WsFrame.FromHex(note.Groups[2].Value)
                    : null;
                continue;
            }

            if (upgraded.Contains(line.Connection))
            {
                // After the upgrade, only server text frames matter (client frames are the recorder's close).
                if (line.Direction == TranscriptDirection.Server && line.Kind == TranscriptLineKind.Bytes && frameHeader is not null)
                {
                    steps.Add(new AriStep.Event(frameHeader, line.Bytes));
                }

                frameHeader = null;
                continue;
            }

            if (!buffers.TryGetValue(key, out var buffer))
            {
                buffers[key] = buffer = [];
            }

            buffer.AddRange(line.Bytes);
            while (HttpMessage.TryParse(buffer.ToArray(), out var message, out var consumed))
            {
                buffer.RemoveRange(0, consumed);
                var queue = pendingRequests.TryGetValue(line.Connection, out var q) ? q : pendingRequests[line.Connection] = new Queue<HttpMessage>();
                if (line.Direction == TranscriptDirection.Client)
                {
                    queue.Enqueue(message!);
                    continue;
                }

                if (!queue.TryDequeue(out var request))
                {
                    // A response with no request: Asterisk's second 400 after an upgrade without app=.
                    continue;
                }

                if (request.IsUpgrade)
                {
                    steps.Add(new AriStep.Upgrade(line.Connection, request, message!));
                    if (message!.Status == 101)
                    {
                        upgraded.Add(line.Connection);
                    }
                }
                else
                {
                    steps.Add(new AriStep.Exchange(line.Connection, request, message!));
                }
            }
        }

        return steps;
    }

    /// <summary>Every event payload Asterisk sent, in order.</summary>
    public static List<AriStep.Event> Events(AsteriskTranscript transcript) => [.. For(transcript).OfType<AriStep.Event>()];

    /// <summary>Every REST exchange on every connection.</summary>
    public static List<AriStep.Exchange> Exchanges(AsteriskTranscript transcript) => [.. For(transcript).OfType<AriStep.Exchange>()];

    [GeneratedRegex(@"^ws-frame FIN=\d opcode=(\d+)\(\w+\) masked=\d payload_len=\d+ header=([0-9a-f ]+?)(?: \(|$)")]
    private static partial Regex FrameNote();
}
