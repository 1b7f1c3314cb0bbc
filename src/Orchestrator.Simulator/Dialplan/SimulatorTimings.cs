namespace Orchestrator.Simulator.Dialplan;

/// <summary>The fixed delays of the simulated dialplan and phones (everything random comes from the outcome model).</summary>
/// <param name="ParkLimit">orchestrator-customer's <c>Wait(30)</c> before safe harbor.</param>
/// <param name="SafeHarborPlayback">How long the safe-harbor prompt plays.</param>
/// <param name="AgentAnswer">How long a simulated agent phone rings before it answers.</param>
internal sealed record SimulatorTimings(TimeSpan ParkLimit, TimeSpan SafeHarborPlayback, TimeSpan AgentAnswer);
