using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Core.Dispositions;

namespace Orchestrator.Core.Tests.Dispositions;

[Properties(Replay = PropertySeeds.Replay, MaxTest = 500)]
public sealed class NextStepPolicyUnitTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly ClosureRules Rules = new(MaxAttempts: 3, RetryDelay: TimeSpan.FromMinutes(45), AbandonProtection: TimeSpan.FromHours(72));

    [Theory]
    [InlineData(DispositionOutcome.Success, LeadClosureReason.Success)]
    [InlineData(DispositionOutcome.Refused, LeadClosureReason.Refused)]
    [InlineData(DispositionOutcome.WrongNumber, LeadClosureReason.WrongNumber)]
    public void Decide_ClosingOutcome_ClosesWithItsReason(DispositionOutcome outcome, LeadClosureReason reason)
    {
        Assert.Equal(new LeadNextStep.Close(reason), NextStepPolicy.Decide(outcome, 1, Rules, Start));
    }

    [Fact]
    public void Decide_OptOut_OptsOut()
    {
        Assert.IsType<LeadNextStep.OptOut>(NextStepPolicy.Decide(DispositionOutcome.OptOut, 1, Rules, Start));
    }

    [Theory]
    [InlineData(DispositionOutcome.Success)]
    [InlineData(DispositionOutcome.Refused)]
    [InlineData(DispositionOutcome.WrongNumber)]
    [InlineData(DispositionOutcome.OptOut)]
    [InlineData(DispositionOutcome.Callback)]
    public void Decide_NonRetryOutcome_IgnoresTheAttemptCount(DispositionOutcome outcome)
    {
        var callbackAt = Start.AddDays(1);
        var first = NextStepPolicy.Decide(outcome, 1, Rules, Start, callbackAt);

        Assert.Equal(first, NextStepPolicy.Decide(outcome, Rules.MaxAttempts, Rules, Start, callbackAt));
        Assert.Equal(first, NextStepPolicy.Decide(outcome, Rules.MaxAttempts + 10, Rules, Start, callbackAt));
        Assert.IsNotType<LeadNextStep.Retry>(first);
    }

    // ---- Retry ----------------------------------------------------------------------------------------

    [Fact]
    public void Decide_Retry_RetriesAfterTheRetryDelayFromTheClocksNow()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromMinutes(37));

        var step = NextStepPolicy.Decide(DispositionOutcome.Retry, 1, Rules, time.GetUtcNow());

        Assert.Equal(new LeadNextStep.Retry(Start + TimeSpan.FromMinutes(37) + TimeSpan.FromMinutes(45)), step);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)] //  exactly MaxAttempts
    [InlineData(4, true)]
    [InlineData(100, true)]
    public void Decide_Retry_ClosesWithMaxAttemptsReachedExactlyAtMaxAttempts(int attemptsSoFar, bool closes)
    {
        var step = NextStepPolicy.Decide(DispositionOutcome.Retry, attemptsSoFar, Rules, Start);

        if (closes)
        {
            Assert.Equal(new LeadNextStep.Close(LeadClosureReason.MaxAttemptsReached), step);
        }
        else
        {
            Assert.Equal(new LeadNextStep.Retry(Start + Rules.RetryDelay), step);
        }
    }

    [Fact]
    public void Decide_RetryWithDefaultRules_WaitsTwoHoursAndClosesAtTheSixthAttempt()
    {
        Assert.Equal(new LeadNextStep.Retry(Start.AddHours(2)), NextStepPolicy.Decide(DispositionOutcome.Retry, 5, ClosureRules.Default, Start));
        Assert.Equal(
            new LeadNextStep.Close(LeadClosureReason.MaxAttemptsReached),
            NextStepPolicy.Decide(DispositionOutcome.Retry, 6, ClosureRules.Default, Start));
    }

    [Property]
    public Property Decide_Retry_ForAnyRulesAndAttempts_ClosesIffAttemptsReachTheMaximum() =>
        Prop.ForAll(
            Gen.Choose(1, 50).ToArbitrary(),
            Gen.Choose(0, 60).ToArbitrary(),
            Gen.Choose(0, 7 * 24 * 60).ToArbitrary(),
            (maxAttempts, attemptsSoFar, delayMinutes) =>
            {
                var time = new FakeTimeProvider(Start);
                time.Advance(TimeSpan.FromSeconds(maxAttempts * 7919 + attemptsSoFar));
                var rules = new ClosureRules(maxAttempts, TimeSpan.FromMinutes(delayMinutes), TimeSpan.FromHours(72));

                var step = NextStepPolicy.Decide(DispositionOutcome.Retry, attemptsSoFar, rules, time.GetUtcNow());

                LeadNextStep expected = attemptsSoFar >= maxAttempts
                    ? new LeadNextStep.Close(LeadClosureReason.MaxAttemptsReached)
                    : new LeadNextStep.Retry(time.GetUtcNow() + rules.RetryDelay);
                return step == expected;
            });

    // ---- Callback -------------------------------------------------------------------------------------

    [Fact]
    public void Decide_CallbackWithTimeAndAgent_SchedulesAnAgentOwnedCallback()
    {
        var at = Start.AddDays(2).AddHours(3);

        Assert.Equal(new LeadNextStep.Callback(at, 42), NextStepPolicy.Decide(DispositionOutcome.Callback, 1, Rules, Start, at, 42));
    }

    [Fact]
    public void Decide_CallbackWithoutAgent_SchedulesACampaignCallback()
    {
        var at = Start.AddHours(5);

        Assert.Equal(new LeadNextStep.Callback(at, null), NextStepPolicy.Decide(DispositionOutcome.Callback, 1, Rules, Start, at));
    }

    [Fact]
    public void Decide_CallbackWithoutATime_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => NextStepPolicy.Decide(DispositionOutcome.Callback, 1, Rules, Start, callbackAgentId: 42));

        Assert.Equal("callbackAt", error.ParamName);
    }

    // ---- Arguments ------------------------------------------------------------------------------------

    [Fact]
    public void Decide_UnknownOutcome_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>("outcome", () => NextStepPolicy.Decide((DispositionOutcome)99, 1, Rules, Start));
    }

    [Fact]
    public void Decide_NullRules_Throws()
    {
        Assert.Throws<ArgumentNullException>("rules", () => NextStepPolicy.Decide(DispositionOutcome.Success, 1, null!, Start));
    }

    [Fact]
    public void ClosureRulesDefault_IsSixAttemptsTwoHoursAndSeventyTwoHoursProtection()
    {
        Assert.Equal(new ClosureRules(6, TimeSpan.FromHours(2), TimeSpan.FromHours(72)), ClosureRules.Default);
    }
}
