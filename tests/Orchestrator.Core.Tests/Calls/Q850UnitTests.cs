using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orchestrator.Core.Calls;

namespace Orchestrator.Core.Tests.Calls;

[Properties(Replay = PropertySeeds.Replay, MaxTest = 1000)]
public sealed class Q850UnitTests
{
    /// <summary>The documented groups; every other code is <see cref="HangupCause.Failed"/>.</summary>
    private static readonly Dictionary<int, HangupCause> Groups = new()
    {
        [0] = HangupCause.Unknown,
        [16] = HangupCause.NormalClearing, // normal clearing
        [31] = HangupCause.NormalClearing, // normal, unspecified
        [17] = HangupCause.Busy, //           user busy
        [18] = HangupCause.NoAnswer, //       no user responding
        [19] = HangupCause.NoAnswer, //       no answer from user (user alerted)
        [21] = HangupCause.Rejected, //       call rejected
        [1] = HangupCause.InvalidNumber, //   unallocated number
        [2] = HangupCause.InvalidNumber, //   no route to specified transit network
        [3] = HangupCause.InvalidNumber, //   no route to destination
        [22] = HangupCause.InvalidNumber, //  number changed
        [28] = HangupCause.InvalidNumber, //  invalid number format
        [34] = HangupCause.Congestion, //     no circuit/channel available
        [38] = HangupCause.Congestion, //     network out of order
        [41] = HangupCause.Congestion, //     temporary failure
        [42] = HangupCause.Congestion, //     switching equipment congestion
        [44] = HangupCause.Congestion, //     requested channel not available
        [47] = HangupCause.Congestion, //     resource unavailable, unspecified
        [20] = HangupCause.ChannelUnavailable, // subscriber absent
        [27] = HangupCause.ChannelUnavailable, // destination out of order
        [66] = HangupCause.ChannelUnavailable, // channel type not implemented
    };

    public static TheoryData<int, HangupCause> Documented()
    {
        var data = new TheoryData<int, HangupCause>();
        foreach (var (code, cause) in Groups)
        {
            data.Add(code, cause);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documented))]
    public void ToHangupCause_DocumentedCode_MapsToItsGroup(int code, HangupCause cause)
    {
        Assert.Equal(cause, Q850.ToHangupCause(code));
    }

    [Theory]
    [InlineData(4)] //   send special information tone
    [InlineData(29)] //  facility rejected
    [InlineData(50)] //  requested facility not subscribed
    [InlineData(58)] //  bearer capability not available
    [InlineData(102)] // recovery on timer expiry
    [InlineData(111)] // protocol error
    [InlineData(127)] // interworking, unspecified
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void ToHangupCause_OtherCode_IsFailed(int code)
    {
        Assert.Equal(HangupCause.Failed, Q850.ToHangupCause(code));
    }

    [Property]
    public Property ToHangupCause_AnyCodeOutsideTheGroups_IsFailed() =>
        Prop.ForAll(
            Gen.Frequency((3, Gen.Choose(0, 127)), (1, Gen.Choose(int.MinValue, int.MaxValue))).ToArbitrary(),
            code => Q850.ToHangupCause(code) == (Groups.TryGetValue(code, out var cause) ? cause : HangupCause.Failed));

    [Fact]
    public void ToHangupCause_NeverReportsHungUpByOrchestrator()
    {
        // That cause is the orchestrator's own; no switch code may be mistaken for it.
        Assert.DoesNotContain(HangupCause.HungUpByOrchestrator, Enumerable.Range(-10, 300).Select(Q850.ToHangupCause));
    }
}
