using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orchestrator.Core.Agents;

namespace Orchestrator.Core.Tests.Agents;

[Properties(Replay = PropertySeeds.Replay, MaxTest = 500)]
public sealed class AgentStateMachinePropertyTests
{
    private static readonly AgentTrigger[] Triggers = Enum.GetValues<AgentTrigger>();

    /// <summary>
    /// Trigger sequences that mostly follow the life cycle (so they reach deep states such as OnCall and
    /// WrapUp) and sometimes throw in any trigger at all, allowed or not.
    /// </summary>
    private static readonly Arbitrary<int[]> Walks =
        Gen.ArrayOf(Gen.Choose(0, 10_000)).Resize(200).ToArbitrary();

    private static IEnumerable<(AgentState From, AgentTrigger Trigger, bool Accepted, AgentState To)> Run(int[] choices)
    {
        var state = AgentState.LoggedOut;
        foreach (var choice in choices)
        {
            var fromHere = AgentStateMachineUnitTests.Allowed.Keys.Where(k => k.From == state).Select(k => k.Trigger).ToArray();
            var trigger = choice % 4 == 0 || fromHere.Length == 0
                ? Triggers[choice / 4 % Triggers.Length]
                : fromHere[choice / 4 % fromHere.Length];

            var accepted = AgentStateMachine.TryTransition(state, trigger, out var to);
            yield return (state, trigger, accepted, to);
            if (accepted)
            {
                state = to;
            }
        }
    }

    [Property]
    public Property FromAnyReachableState_LogoutLeadsToLoggedOut() =>
        Prop.ForAll(Walks, choices => Run(choices).All(step =>
        {
            var accepted = AgentStateMachine.TryTransition(step.From, AgentTrigger.Logout, out var to);
            return to == AgentState.LoggedOut && accepted == (step.From != AgentState.LoggedOut);
        }));

    [Property]
    public Property NoTriggerSequence_ReachesOnCallWithoutPassingReserved() =>
        Prop.ForAll(Walks, choices => Run(choices)
            .Where(step => step.Accepted && step.To == AgentState.OnCall && step.From != AgentState.OnCall)
            .All(step => step.From == AgentState.Reserved && step.Trigger == AgentTrigger.Bridged));

    [Property]
    public Property RefusedTrigger_LeavesTheStateUnchanged_AcceptedOneFollowsTheTable() =>
        Prop.ForAll(Walks, choices => Run(choices).All(step =>
            AgentStateMachineUnitTests.Allowed.TryGetValue((step.From, step.Trigger), out var expected)
                ? step.Accepted && step.To == expected
                : !step.Accepted && step.To == step.From));

    [Fact]
    public void Walks_ReachEveryState()
    {
        // Guards the generator: the properties above are only as good as the states the walks visit.
        var random = new Random(42);
        var visited = Enumerable.Range(0, 50)
            .Select(_ => Enumerable.Range(0, 100).Select(_ => random.Next(0, 10_001)).ToArray())
            .SelectMany(Run)
            .Select(step => step.To)
            .ToHashSet();

        Assert.Equal(Enum.GetValues<AgentState>().ToHashSet(), visited);
    }
}
