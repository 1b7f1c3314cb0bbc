namespace Orchestrator.Switching.Commands;

/// <summary>
/// Call an agent's phone and, once answered, hold the leg (bridge, conference or park) so customers
/// can be bridged into it without ringing the agent again.
/// </summary>
/// <param name="Leg">The agent leg's id (<see cref="LegId.ForAgent"/>).</param>
/// <param name="AgentId">The agent; customers are bridged into this agent's holding place.</param>
/// <param name="Endpoint">Anything the switch can dial: <c>PJSIP/1001</c>, <c>sofia/internal/1001</c>, a Local channel.</param>
/// <param name="CallerId">What the agent's phone shows.</param>
/// <param name="RingTimeout">How long the agent's phone may ring.</param>
public sealed record AgentLegCommand(LegId Leg, long AgentId, string Endpoint, CallerId CallerId, TimeSpan RingTimeout);
