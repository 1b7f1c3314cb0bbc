using System.Buffers;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;

namespace Orchestrator.Protocols.Ami.Tests.Client;

/// <summary>One step of a recorded AMI connection, seen from the server's side.</summary>
internal abstract record ScriptStep
{
    /// <summary>Write these messages (the banner included) as recorded.</summary>
    public sealed record Send(IReadOnlyList<AmiMessage> Messages) : ScriptStep;

    /// <summary>Read the client's next message; it must match this recorded one.</summary>
    public sealed record Expect(AmiMessage Message) : ScriptStep;

    /// <summary>Asterisk closed the connection here.</summary>
    public sealed record Close : ScriptStep;
}

/// <summary>Turns one connection of a transcript into the server's script.</summary>
internal static class TranscriptScript
{
    public static List<ScriptStep> For(AsteriskTranscript transcript, string connection)
    {
        var steps = new List<ScriptStep>();
        var serverBytes = new List<byte>();
        var clientBytes = new List<byte>();
        var clientReader = new AmiFrameReader(expectBanner: false);
        var serverReader = new AmiFrameReader(expectBanner: true);

        foreach (var line in transcript.Lines.Where(l => l.Connection == connection))
        {
            if (line.Kind == TranscriptLineKind.Note)
            {
                FlushServer();
                if (line.Direction == TranscriptDirection.Server && line.Text.Contains("closed", StringComparison.Ordinal))
                {
                    steps.Add(new ScriptStep.Close());
                }

                continue;
            }

            if (line.Direction == TranscriptDirection.Server)
            {
                serverBytes.AddRange(line.Bytes);
                continue;
            }

            FlushServer();
            clientBytes.AddRange(line.Bytes);
            var buffer = new ReadOnlySequence<byte>(clientBytes.ToArray());
            clientBytes.Clear();
            while (clientReader.TryRead(ref buffer, out var frame))
            {
                // A request without an Action header (ami-errors.txt) is one our client cannot send: not expected.
                if (frame.Error == AmiFrameError.None && frame.Message is { } message)
                {
                    steps.Add(new ScriptStep.Expect(message));
                }
            }
        }

        FlushServer();
        return steps;

        void FlushServer()
        {
            if (serverBytes.Count == 0)
            {
                return;
            }

            var buffer = new ReadOnlySequence<byte>(serverBytes.ToArray());
            serverBytes.Clear();
            var messages = new List<AmiMessage>();
            while (serverReader.TryRead(ref buffer, out var frame))
            {
                messages.Add(frame.Message ?? throw new InvalidOperationException($"Unparseable server frame in {transcript.Name}: {frame.Detail}"));
            }

            steps.Add(new ScriptStep.Send(messages));
        }
    }
}
