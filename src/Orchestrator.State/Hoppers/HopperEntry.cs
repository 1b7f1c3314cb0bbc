namespace Orchestrator.State;

/// <summary>A lead queued to be dialed soon.</summary>
/// <param name="LeadId">The lead's database id; a lead is in a campaign's hopper at most once.</param>
/// <param name="PhoneNumber">The number chosen for this attempt, E.164.</param>
/// <param name="Priority">Higher first (callbacks before fresh leads); equal priorities in insertion order.</param>
public sealed record HopperEntry(long LeadId, string PhoneNumber, int Priority);
