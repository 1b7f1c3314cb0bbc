namespace Orchestrator.Core.Agents;

/// <summary>Where an agent is in the working cycle. Transitions are defined by <see cref="AgentStateMachine"/>.</summary>
public enum AgentState
{
    /// <summary>Not working; no agent leg.</summary>
    LoggedOut = 0,

    /// <summary>Logged in; the orchestrator is setting up the agent's nailed-up leg.</summary>
    Connecting,

    /// <summary>Leg up and waiting for a customer. Only ready agents are counted by the pacer.</summary>
    Ready,

    /// <summary>Chosen for an answered customer; the bridge is being made.</summary>
    Reserved,

    /// <summary>Talking to a customer.</summary>
    OnCall,

    /// <summary>The customer is gone; the agent is completing the questionnaire and disposition.</summary>
    WrapUp,

    /// <summary>On a break: leg up, but receives no calls.</summary>
    Paused,
}
