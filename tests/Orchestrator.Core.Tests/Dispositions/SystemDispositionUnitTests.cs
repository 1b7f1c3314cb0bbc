using System.Reflection;
using Orchestrator.Core.Calls;
using Orchestrator.Core.Dispositions;

namespace Orchestrator.Core.Tests.Dispositions;

public sealed class SystemDispositionUnitTests
{
    public static TheoryData<HangupCause, string> CauseToCode { get; } = new()
    {
        { HangupCause.Busy, "B" },
        { HangupCause.NoAnswer, "NA" },
        { HangupCause.Congestion, "CONG" },
        { HangupCause.InvalidNumber, "INV" },
        { HangupCause.Unknown, "FAIL" },
        { HangupCause.NormalClearing, "FAIL" },
        { HangupCause.Rejected, "FAIL" },
        { HangupCause.ChannelUnavailable, "FAIL" },
        { HangupCause.HungUpByOrchestrator, "FAIL" },
        { HangupCause.Failed, "FAIL" },
    };

    [Theory]
    [MemberData(nameof(CauseToCode))]
    public void ForUnconnectedCall_MapsTheCauseToItsSystemCode(HangupCause cause, string code)
    {
        Assert.Equal(code, SystemDisposition.ForUnconnectedCall(cause));
    }

    [Fact]
    public void ForUnconnectedCall_MappingAbove_CoversEveryHangupCause()
    {
        Assert.Equal(Enum.GetValues<HangupCause>().ToHashSet(), CauseToCode.Select(row => (HangupCause)row[0]).ToHashSet());
    }

    [Fact]
    public void ForUnconnectedCall_AlwaysReturnsACodeListedInAll()
    {
        var codes = SystemDisposition.All.Select(d => d.Code).ToHashSet();

        Assert.All(Enum.GetValues<HangupCause>(), cause => Assert.Contains(SystemDisposition.ForUnconnectedCall(cause), codes));
        Assert.Contains(SystemDisposition.ForUnconnectedCall((HangupCause)99), codes);
    }

    [Fact]
    public void All_ListsEveryCodeConstantExactlyOnce_WithALabel()
    {
        var constants = typeof(SystemDisposition)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(constants, SystemDisposition.All.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.All(SystemDisposition.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Label)));
    }

    [Theory]
    [InlineData(SystemDisposition.NoAnswer, DispositionOutcome.Retry)]
    [InlineData(SystemDisposition.Busy, DispositionOutcome.Retry)]
    [InlineData(SystemDisposition.Congestion, DispositionOutcome.Retry)]
    [InlineData(SystemDisposition.Failed, DispositionOutcome.Retry)]
    [InlineData(SystemDisposition.AnsweringMachine, DispositionOutcome.Retry)]
    [InlineData(SystemDisposition.Abandoned, DispositionOutcome.Retry)]
    [InlineData(SystemDisposition.InvalidNumber, DispositionOutcome.WrongNumber)]
    public void All_GivesEachSystemCodeItsOutcome(string code, DispositionOutcome outcome)
    {
        Assert.Equal(outcome, Assert.Single(SystemDisposition.All, d => d.Code == code).Outcome);
    }

    [Theory]
    [InlineData(17, "B")]
    [InlineData(19, "NA")]
    [InlineData(34, "CONG")]
    [InlineData(1, "INV")]
    [InlineData(21, "FAIL")]
    [InlineData(127, "FAIL")]
    public void Q850CodeOfAnUnconnectedCall_EndsAsTheSystemDisposition(int q850, string code)
    {
        Assert.Equal(code, SystemDisposition.ForUnconnectedCall(Q850.ToHangupCause(q850)));
    }
}
