using Orchestrator.Core.Agents;
using static Orchestrator.Core.Agents.AgentState;
using static Orchestrator.Core.Agents.AgentTrigger;

namespace Orchestrator.Core.Tests.Agents;

public sealed class AgentStateMachineUnitTests
{
    /// <summary>The documented life cycle: every allowed (state, trigger) and where it leads. Everything else is refused.</summary>
    internal static readonly IReadOnlyDictionary<(AgentState From, AgentTrigger Trigger), AgentState> Allowed =
        new Dictionary<(AgentState, AgentTrigger), AgentState>
        {
            [(LoggedOut, Login)] = Connecting,

            [(Connecting, LegAnswered)] = Ready,
            [(Connecting, Logout)] = LoggedOut,

            [(Ready, Reserve)] = Reserved,
            [(Ready, Pause)] = Paused,
            [(Ready, LegLost)] = Connecting,
            [(Ready, Logout)] = LoggedOut,

            [(Reserved, Bridged)] = OnCall,
            [(Reserved, ReleaseReservation)] = Ready,
            [(Reserved, CustomerHungUp)] = Ready,
            [(Reserved, LegLost)] = Connecting,
            [(Reserved, Logout)] = LoggedOut,

            [(OnCall, CustomerHungUp)] = WrapUp,
            [(OnCall, LegLost)] = WrapUp,
            [(OnCall, Logout)] = LoggedOut,

            [(WrapUp, DispositionSubmitted)] = Ready,
            [(WrapUp, LegLost)] = WrapUp,
            [(WrapUp, Logout)] = LoggedOut,

            [(Paused, Resume)] = Ready,
            [(Paused, LegLost)] = Connecting,
            [(Paused, Logout)] = LoggedOut,
        };

    public static TheoryData<AgentState, AgentTrigger, AgentState> AllowedTransitions()
    {
        var data = new TheoryData<AgentState, AgentTrigger, AgentState>();
        foreach (var ((from, trigger), to) in Allowed)
        {
            data.Add(from, trigger, to);
        }

        return data;
    }

    public static TheoryData<AgentState, AgentTrigger> RefusedTransitions()
    {
        var data = new TheoryData<AgentState, AgentTrigger>();
        foreach (var from in Enum.GetValues<AgentState>())
        {
            foreach (var trigger in Enum.GetValues<AgentTrigger>())
            {
                if (!Allowed.ContainsKey((from, trigger)))
                {
                    data.Add(from, trigger);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Table_CoversSevenStatesAndElevenTriggers()
    {
        // A new state or trigger must be added to the table above before these tests mean anything for it.
        Assert.Equal(7, Enum.GetValues<AgentState>().Length);
        Assert.Equal(11, Enum.GetValues<AgentTrigger>().Length);
        Assert.Equal(21, AllowedTransitions().Count);
        Assert.Equal(56, RefusedTransitions().Count);
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void TryTransition_AllowedPair_SucceedsWithTheDocumentedState(AgentState from, AgentTrigger trigger, AgentState expected)
    {
        Assert.True(AgentStateMachine.TryTransition(from, trigger, out var to));
        Assert.Equal(expected, to);
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Transition_AllowedPair_ReturnsTheDocumentedState(AgentState from, AgentTrigger trigger, AgentState expected)
    {
        Assert.Equal(expected, AgentStateMachine.Transition(from, trigger));
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void TryTransition_RefusedPair_ReturnsFalseAndLeavesTheStateUnchanged(AgentState from, AgentTrigger trigger)
    {
        Assert.False(AgentStateMachine.TryTransition(from, trigger, out var to));
        Assert.Equal(from, to);
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Transition_RefusedPair_ThrowsNamingStateAndTrigger(AgentState from, AgentTrigger trigger)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AgentStateMachine.Transition(from, trigger));

        Assert.Contains(from.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(trigger.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrapUp_LegLost_SucceedsAndKeepsTheWrapUp()
    {
        // The one allowed transition that leaves the state where it was: the disposition is still owed.
        Assert.True(AgentStateMachine.TryTransition(WrapUp, LegLost, out var to));
        Assert.Equal(WrapUp, to);
    }

    [Fact]
    public void OnCall_LegLost_GoesToWrapUpNotConnecting()
    {
        Assert.Equal(WrapUp, AgentStateMachine.Transition(OnCall, LegLost));
    }

    [Fact]
    public void Reserved_CustomerHungUpBeforeTheBridge_ReturnsTheAgentToReady()
    {
        Assert.Equal(Ready, AgentStateMachine.Transition(Reserved, CustomerHungUp));
    }

    [Fact]
    public void Ready_Bridged_IsRefused_OnlyAReservedAgentCanBeBridged()
    {
        Assert.False(AgentStateMachine.TryTransition(Ready, Bridged, out _));
    }

    [Fact]
    public void LoggedOut_Logout_IsRefusedAndStaysLoggedOut()
    {
        Assert.False(AgentStateMachine.TryTransition(LoggedOut, Logout, out var to));
        Assert.Equal(LoggedOut, to);
    }

    [Fact]
    public void FullWorkingCycle_LoginToLogout_PassesThroughEveryWorkingState()
    {
        AgentTrigger[] day = [Login, LegAnswered, Reserve, Bridged, CustomerHungUp, DispositionSubmitted, Pause, Resume, Logout];
        AgentState[] expected = [Connecting, Ready, Reserved, OnCall, WrapUp, Ready, Paused, Ready, LoggedOut];

        var state = LoggedOut;
        var visited = new List<AgentState>();
        foreach (var trigger in day)
        {
            state = AgentStateMachine.Transition(state, trigger);
            visited.Add(state);
        }

        Assert.Equal(expected, visited);
    }
}
