using System.Diagnostics.Metrics;

namespace Orchestrator.Protocols.Ami.Client;

/// <summary>The client's counters, published on the <c>Orchestrator.Ami</c> meter for dashboards and alerts.</summary>
internal static class AmiMetrics
{
    public static readonly Meter Meter = new("Orchestrator.Ami");
    public static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>("ami.events.received", description: "Events read, list events aside (ignored ones included).");
    public static readonly Counter<long> EventsIgnored = Meter.CreateCounter<long>("ami.events.ignored", description: "Events the client's event filter cut without making a message.");
    public static readonly Counter<long> EventsDropped = Meter.CreateCounter<long>("ami.events.dropped", description: "Events dropped because the consumer fell behind.");
    public static readonly Counter<long> FramesRejected = Meter.CreateCounter<long>("ami.frames.rejected", description: "Oversized or malformed frames skipped.");
    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("ami.reconnects");
}
