namespace Orchestrator.Simulator.Outcomes;

/// <summary>From <see cref="AtHour"/> on, the live probability is multiplied by <see cref="LiveMultiplier"/> (pacebench <c>liveSchedule</c>).</summary>
public sealed record LiveScheduleStep(double AtHour, double LiveMultiplier);
