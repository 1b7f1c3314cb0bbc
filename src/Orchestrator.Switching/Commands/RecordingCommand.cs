namespace Orchestrator.Switching.Commands;

/// <summary>Start or stop recording a leg and everything bridged to it.</summary>
/// <param name="Leg">The leg to record.</param>
/// <param name="Name">The recording's name on the switch (no extension), usually the attempt id.</param>
public sealed record RecordingCommand(LegId Leg, string Name);
