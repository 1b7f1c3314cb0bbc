using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orchestrator.Core.Pacing;

namespace Orchestrator.Core.Tests.Pacing;

[Properties(Replay = PropertySeeds.Replay, MaxTest = 2000)]
public sealed class ProgressivePacerUnitTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly ProgressivePacer Pacer = new();

    private static PacingSnapshot Snapshot(int ready, int inProgress, int lineCap, int busy = 0) =>
        new(Now, ready, busy, inProgress, lineCap);

    [Theory]
    [InlineData(5, 0, 10, 5)] //   one call per ready agent
    [InlineData(5, 3, 10, 2)] //   calls already in progress count against the ready agents
    [InlineData(5, 5, 10, 0)] //   every ready agent already has a call coming
    [InlineData(5, 8, 10, 0)] //   more calls than ready agents: never negative
    [InlineData(10, 1, 4, 3)] //   the line cap binds before the agents
    [InlineData(10, 4, 4, 0)] //   lines full
    [InlineData(10, 6, 4, 0)] //   lines over-full (cap lowered at run time): never negative
    [InlineData(0, 0, 10, 0)] //   no agents
    [InlineData(3, 0, 0, 0)] //    no lines
    public void CallsToPlace_PlacesOneCallPerReadyAgentWithoutACall_UnderTheLineCap(int ready, int inProgress, int lineCap, int expected)
    {
        Assert.Equal(expected, Pacer.CallsToPlace(Snapshot(ready, inProgress, lineCap)));
    }

    [Fact]
    public void CallsToPlace_IgnoresBusyAgents()
    {
        Assert.Equal(2, Pacer.CallsToPlace(Snapshot(ready: 2, inProgress: 0, lineCap: 10, busy: 50)));
    }

    [Fact]
    public void CallsToPlace_WithHugeCounts_DoesNotOverflow()
    {
        Assert.Equal(int.MaxValue, Pacer.CallsToPlace(Snapshot(int.MaxValue, 0, int.MaxValue)));
        Assert.Equal(0, Pacer.CallsToPlace(Snapshot(0, int.MaxValue, int.MaxValue)));
        Assert.Equal(1, Pacer.CallsToPlace(Snapshot(int.MaxValue, int.MaxValue - 1, int.MaxValue)));
    }

    [Fact]
    public void CallsToPlace_NullSnapshot_Throws()
    {
        Assert.Throws<ArgumentNullException>("snapshot", () => Pacer.CallsToPlace(null!));
    }

    private static readonly Gen<int> Count = Gen.Frequency(
        (6, Gen.Choose(0, 20)),
        (3, Gen.Choose(0, 5_000)),
        (1, Gen.Choose(0, int.MaxValue)));

    private static readonly Arbitrary<PacingSnapshot> Snapshots =
        (from ready in Count
         from busy in Count
         from inProgress in Count
         from lineCap in Count
         from minutes in Gen.Choose(0, 1_000_000)
         select new PacingSnapshot(Now.AddMinutes(minutes), ready, busy, inProgress, lineCap)).ToArbitrary();

    [Property]
    public Property CallsToPlace_IsNeverNegative() =>
        Prop.ForAll(Snapshots, s => Pacer.CallsToPlace(s) >= 0);

    [Property]
    public Property CallsToPlace_NeverExceedsReadyAgentsMinusCallsInProgress() =>
        Prop.ForAll(Snapshots, s => Pacer.CallsToPlace(s) <= Math.Max(0L, (long)s.ReadyAgents - s.CallsInProgress));

    [Property]
    public Property CallsToPlace_NeverTakesCallsInProgressOverTheLineCap() =>
        Prop.ForAll(Snapshots, s =>
        {
            var placed = Pacer.CallsToPlace(s);
            return placed == 0 || (long)s.CallsInProgress + placed <= s.LineCap;
        });

    [Property]
    public Property CallsToPlace_UsesAllTheRoomItHas() =>
        Prop.ForAll(Snapshots, s =>
        {
            // One more call would break a rule: either every ready agent has a call, or the lines are full.
            long placed = Pacer.CallsToPlace(s);
            return placed + s.CallsInProgress >= s.ReadyAgents || placed + s.CallsInProgress >= s.LineCap;
        });

    [Property]
    public Property CallsToPlace_DependsOnlyOnReadyInProgressAndCap() =>
        Prop.ForAll(Snapshots, Count.ToArbitrary(), (s, otherBusy) =>
            Pacer.CallsToPlace(s) == Pacer.CallsToPlace(s with { BusyAgents = otherBusy, Now = s.Now.AddHours(1) }));
}
