using System.Diagnostics.Metrics;

namespace Orchestrator.Protocols.Ari.Client;

/// <summary>The client's counters, published on the <c>Orchestrator.Ari</c> meter for dashboards and alerts.</summary>
internal static class AriMetrics
{
    public static readonly Meter Meter = new("Orchestrator.Ari");
    public static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>("ari.events.received");
    public static readonly Counter<long> EventsDropped = Meter.CreateCounter<long>("ari.events.dropped", description: "Events dropped because the consumer fell behind.");
    public static readonly Counter<long> MessagesRejected = Meter.CreateCounter<long>("ari.messages.rejected", description: "Oversized or malformed event messages skipped.");
    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("ari.reconnects");
    public static readonly Counter<long> RequestsFailed = Meter.CreateCounter<long>("ari.requests.failed", description: "REST requests that ended in an error.");
}
