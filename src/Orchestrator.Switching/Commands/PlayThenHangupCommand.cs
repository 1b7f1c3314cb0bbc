namespace Orchestrator.Switching.Commands;

/// <summary>Play a prompt to a leg, then hang it up (the safe-harbor message, an opt-out confirmation).</summary>
/// <param name="Leg">The leg to play to.</param>
/// <param name="Prompt">The switch's name for the recording (e.g. <c>safe-harbor</c>); no extension.</param>
public sealed record PlayThenHangupCommand(LegId Leg, string Prompt);
