using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Protocols.Ami.Client;

/// <summary>Where a connection's reader hands the events it reads: the client, which outlives every connection.</summary>
internal interface IAmiEventSink
{
    /// <summary>The events to make messages of; null keeps all. Read once per connection.</summary>
    AmiEventFilter? EventFilter { get; }

    /// <summary>Queues an event for the consumer; false when the overflow policy says to drop the connection.</summary>
    bool Publish(AmiMessage message);

    /// <summary>Counts an event the filter cut.</summary>
    void CountIgnored();
}
