namespace Orchestrator.Protocols.Ari.Client;

/// <summary>The events connection's life cycle.</summary>
public enum AriConnectionState
{
    /// <summary>No events socket (not started, between attempts, or stopped).</summary>
    Disconnected = 0,

    /// <summary>Opening the events WebSocket.</summary>
    Connecting,

    /// <summary>The WebSocket is open: the Stasis application is registered and events flow.</summary>
    Ready,
}

/// <summary>
/// A move of the state machine. Each successful connection has a new <paramref name="Generation"/>; when a
/// Ready change says <paramref name="ResyncNeeded"/>, events may have been missed since the previous
/// connection (or Asterisk restarted): list channels and bridges and reconcile.
/// </summary>
public sealed record AriConnectionChange(AriConnectionState State, long Generation, string? Reason, DateTimeOffset At, bool ResyncNeeded);
