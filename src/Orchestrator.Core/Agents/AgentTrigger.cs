namespace Orchestrator.Core.Agents;

/// <summary>What can happen to an agent.</summary>
public enum AgentTrigger
{
    Login,
    LegAnswered,
    LegLost,
    Reserve,
    ReleaseReservation,
    Bridged,
    CustomerHungUp,
    DispositionSubmitted,
    Pause,
    Resume,
    Logout,
}
