namespace Orchestrator.Switching.Commands;

/// <summary>How a supervisor joins an agent's call.</summary>
public enum MonitorMode
{
    /// <summary>Hear both sides; nobody hears the supervisor.</summary>
    Listen,

    /// <summary>Hear both sides; only the agent hears the supervisor.</summary>
    Whisper,

    /// <summary>Join the call: everybody hears everybody.</summary>
    Barge,
}

/// <summary>Let a supervisor's endpoint listen to, whisper to or barge into an agent's call.</summary>
public sealed record MonitorCommand(LegId AgentLeg, string SupervisorEndpoint, MonitorMode Mode);
