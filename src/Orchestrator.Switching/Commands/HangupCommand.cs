using Orchestrator.Core.Calls;

namespace Orchestrator.Switching.Commands;

/// <summary>End a leg. Hanging up a leg that is already gone is not an error.</summary>
public sealed record HangupCommand(LegId Leg, HangupCause Cause = HangupCause.NormalClearing);
