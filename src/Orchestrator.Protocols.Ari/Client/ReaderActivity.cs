namespace Orchestrator.Protocols.Ari.Client;

/// <summary>What an events socket's reader loop was doing, so a failure can say where things hung.</summary>
internal enum ReaderActivity
{
    Starting,
    WaitingForMessage,
    Assembling,
    Dispatching,
    Stopped,
}
