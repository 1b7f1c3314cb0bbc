namespace Orchestrator.Core.Pacing;

/// <summary>
/// What a pacer may know when it decides: a non-anticipative picture of the campaign right now.
/// </summary>
/// <param name="Now">The decision time, from the injected clock.</param>
/// <param name="ReadyAgents">Agents whose leg is up and who wait for a customer.</param>
/// <param name="BusyAgents">Agents reserved, on a call or in wrap-up.</param>
/// <param name="CallsInProgress">Calls placed and not yet connected to an agent or ended (dialing, ringing, answered and waiting).</param>
/// <param name="LineCap">The most calls that may be in progress at once.</param>
public sealed record PacingSnapshot(
    DateTimeOffset Now,
    int ReadyAgents,
    int BusyAgents,
    int CallsInProgress,
    int LineCap);
