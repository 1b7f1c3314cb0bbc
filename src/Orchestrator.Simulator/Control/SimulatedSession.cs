namespace Orchestrator.Simulator.Control;

/// <summary>A manager connection as the control surface shows it.</summary>
/// <param name="Id">The simulator's number for the connection (1, 2, …): pass it to the per-session controls.</param>
/// <param name="SessionId">The session id the security events print.</param>
public sealed record SimulatedSession(long Id, string SessionId, int RemotePort, bool Authenticated, string? Username, DateTimeOffset ConnectedAt);
