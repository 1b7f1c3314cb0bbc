namespace Orchestrator.Switching.Commands;

/// <summary>Connect an answered customer leg to an agent's held leg.</summary>
public sealed record BridgeCommand(LegId Customer, LegId Agent);
