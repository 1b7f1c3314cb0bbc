namespace Orchestrator.Protocols.Ami.Client;

/// <summary>What a connection's reader loop was doing, so a timeout can say where things hung.</summary>
internal enum ReaderActivity
{
    Starting,
    WaitingForBytes,
    Framing,
    Dispatching,
    Stopped,
}
