namespace Orchestrator.Core.Compliance;

/// <summary>A campaign's dialing rules that the gate enforces.</summary>
/// <param name="Window">When leads may be called, in their own time zone.</param>
/// <param name="ConsentRequired">Whether a call needs a granted consent record (e.g. autodialed calls to mobiles).</param>
/// <param name="AgentGuaranteed">True for preview and manual dialing, where a live agent is on the call from the start.</param>
public sealed record CompliancePolicy(CallingWindow Window, bool ConsentRequired, bool AgentGuaranteed);
