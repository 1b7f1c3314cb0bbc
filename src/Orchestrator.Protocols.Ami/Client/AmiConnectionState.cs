namespace Orchestrator.Protocols.Ami.Client;

/// <summary>The client's connection life cycle.</summary>
public enum AmiConnectionState
{
    Disconnected = 0,
    Connecting,
    Authenticating,
    Ready,
}

/// <summary>A move of the connection state machine. Each successful connection has a new <paramref name="Generation"/>.</summary>
public sealed record AmiConnectionChange(AmiConnectionState State, long Generation, string? Reason, DateTimeOffset At);
