using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Switching.Asterisk.Tests.Ari;

/// <summary>The events a real Asterisk 22 sent on a transcript's events socket, parsed as the client parses them.</summary>
internal static class RecordedAriEvents
{
    public static List<AriEvent> Load(string file) =>
        [.. AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file)).Lines
            .Where(l => l.Connection == "ws" && l.Direction == TranscriptDirection.Server && l.Kind == TranscriptLineKind.Bytes)
            .Select(l => AriEventParser.Parse(l.Bytes).Event ?? throw new InvalidOperationException($"{file}: not an event: {l.Text}"))];
}
