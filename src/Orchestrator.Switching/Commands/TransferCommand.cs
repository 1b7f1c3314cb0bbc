namespace Orchestrator.Switching.Commands;

/// <summary>Send a leg somewhere else: another agent's endpoint, a queue, an IVR extension.</summary>
public sealed record TransferCommand(LegId Leg, string Destination);
