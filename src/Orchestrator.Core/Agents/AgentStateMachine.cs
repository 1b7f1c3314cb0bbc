namespace Orchestrator.Core.Agents;

/// <summary>
/// The agent life cycle as a pure transition function. Every component that changes an agent's state
/// asks this first, so the state store never holds a combination that the rules do not allow.
/// </summary>
public static class AgentStateMachine
{
    public static bool TryTransition(AgentState from, AgentTrigger trigger, out AgentState to)
    {
        to = (from, trigger) switch
        {
            (AgentState.LoggedOut, AgentTrigger.Login) => AgentState.Connecting,
            (AgentState.Connecting, AgentTrigger.LegAnswered) => AgentState.Ready,
            (AgentState.Ready, AgentTrigger.Reserve) => AgentState.Reserved,
            (AgentState.Reserved, AgentTrigger.ReleaseReservation) => AgentState.Ready,
            (AgentState.Reserved, AgentTrigger.Bridged) => AgentState.OnCall,
            (AgentState.Reserved, AgentTrigger.CustomerHungUp) => AgentState.Ready,
            (AgentState.OnCall, AgentTrigger.CustomerHungUp) => AgentState.WrapUp,
            (AgentState.WrapUp, AgentTrigger.DispositionSubmitted) => AgentState.Ready,
            // Only from Ready: pausing out of wrap-up would let an agent skip the disposition they owe.
            (AgentState.Ready, AgentTrigger.Pause) => AgentState.Paused,
            (AgentState.Paused, AgentTrigger.Resume) => AgentState.Ready,

            // Losing the leg: nothing can be bridged any more, so the agent goes back to connecting
            // and the runtime re-establishes it. A call in progress keeps its wrap-up.
            (AgentState.Ready or AgentState.Reserved or AgentState.Paused, AgentTrigger.LegLost) => AgentState.Connecting,
            (AgentState.OnCall, AgentTrigger.LegLost) => AgentState.WrapUp,
            (AgentState.WrapUp, AgentTrigger.LegLost) => AgentState.WrapUp,

            (not AgentState.LoggedOut, AgentTrigger.Logout) => AgentState.LoggedOut,
            _ => from,
        };

        return to != from || (from == AgentState.WrapUp && trigger == AgentTrigger.LegLost);
    }

    public static AgentState Transition(AgentState from, AgentTrigger trigger) =>
        TryTransition(from, trigger, out var to)
            ? to
            : throw new InvalidOperationException($"An agent in state {from} cannot take '{trigger}'.");
}
