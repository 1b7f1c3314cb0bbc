using Orchestrator.Core.Compliance;

namespace Orchestrator.Core.Tests.Compliance;

public sealed class ComplianceGateUnitTests
{
    // Wednesday 2025-06-04 16:00Z: noon in New York, 09:00 in Los Angeles; inside the federal window for both.
    private static readonly DateTimeOffset Noon = new(2025, 6, 4, 16, 0, 0, TimeSpan.Zero);

    // 2025-07-15 01:30Z: 21:30 in New York (closed), 18:30 in Los Angeles (open).
    private static readonly DateTimeOffset EasternEvening = new(2025, 7, 15, 1, 30, 0, TimeSpan.Zero);

    private static readonly CallingWindow NeverOpen = new(TimeOnly.MinValue, TimeOnly.MinValue, new HashSet<DayOfWeek>());

    private static DialCandidate Lead(
        string timeZoneId = "America/New_York",
        bool dnc = false,
        ConsentStatus consent = ConsentStatus.Granted,
        DateTimeOffset? protectedUntil = null) =>
        new("+12125550123", timeZoneId, dnc, consent, protectedUntil);

    private static CompliancePolicy Policy(bool consentRequired = false, bool agentGuaranteed = false, CallingWindow? window = null) =>
        new(window ?? CallingWindow.UsFederal, consentRequired, agentGuaranteed);

    /// <summary>A candidate and policy that trip every rule at once.</summary>
    private static (DialCandidate Lead, CompliancePolicy Policy) EverythingWrong(bool dnc) =>
        (Lead("Mars/Olympus_Mons", dnc, ConsentStatus.Revoked, Noon.AddDays(1)), Policy(consentRequired: true, window: NeverOpen));

    [Fact]
    public void Check_WhenNothingBlocks_AllowsTheCall()
    {
        Assert.Equal(ComplianceBlock.None, ComplianceGate.Check(Lead(), Policy(consentRequired: true), Noon));
    }

    // ---- DNC ------------------------------------------------------------------------------------------

    [Fact]
    public void Check_WhenNumberOnDnc_BlocksWithDoNotCall()
    {
        Assert.Equal(ComplianceBlock.DoNotCall, ComplianceGate.Check(Lead(dnc: true), Policy(), Noon));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Check_WhenNumberOnDnc_BeatsEveryOtherBlock(bool agentGuaranteed)
    {
        var (lead, policy) = EverythingWrong(dnc: true);

        Assert.Equal(ComplianceBlock.DoNotCall, ComplianceGate.Check(lead, policy with { AgentGuaranteed = agentGuaranteed }, Noon));
    }

    [Fact]
    public void Check_WhenNumberOnDnc_BlocksEvenWithAnAgentGuaranteedAndConsentGranted()
    {
        Assert.Equal(ComplianceBlock.DoNotCall, ComplianceGate.Check(Lead(dnc: true), Policy(agentGuaranteed: true), Noon));
    }

    // ---- Consent --------------------------------------------------------------------------------------

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Check_WhenConsentRevoked_BlocksWithConsentMissingEvenWhenNotRequired(bool consentRequired, bool agentGuaranteed)
    {
        var block = ComplianceGate.Check(Lead(consent: ConsentStatus.Revoked), Policy(consentRequired, agentGuaranteed), Noon);

        Assert.Equal(ComplianceBlock.ConsentMissing, block);
    }

    [Fact]
    public void Check_WhenConsentRequiredAndNoRecord_BlocksWithConsentMissing()
    {
        Assert.Equal(ComplianceBlock.ConsentMissing, ComplianceGate.Check(Lead(consent: ConsentStatus.None), Policy(consentRequired: true), Noon));
    }

    [Fact]
    public void Check_WhenConsentNotRequiredAndNoRecord_AllowsTheCall()
    {
        Assert.Equal(ComplianceBlock.None, ComplianceGate.Check(Lead(consent: ConsentStatus.None), Policy(consentRequired: false), Noon));
    }

    [Fact]
    public void Check_WhenConsentMissing_BeatsAbandonProtectionTimeZoneAndWindow()
    {
        var (lead, policy) = EverythingWrong(dnc: false);

        Assert.Equal(ComplianceBlock.ConsentMissing, ComplianceGate.Check(lead, policy, Noon));
        Assert.Equal(
            ComplianceBlock.ConsentMissing,
            ComplianceGate.Check(lead with { Consent = ConsentStatus.None }, policy, Noon));
    }

    // ---- Abandon protection ---------------------------------------------------------------------------

    [Fact]
    public void Check_WhenAbandonProtectionRunning_BlocksWithAbandonProtection()
    {
        var lead = Lead(protectedUntil: Noon.AddTicks(1));

        Assert.Equal(ComplianceBlock.AbandonProtection, ComplianceGate.Check(lead, Policy(), Noon));
    }

    [Fact]
    public void Check_WhenAbandonProtectionEndsExactlyNow_AllowsTheCall()
    {
        Assert.Equal(ComplianceBlock.None, ComplianceGate.Check(Lead(protectedUntil: Noon), Policy(), Noon));
        Assert.Equal(ComplianceBlock.None, ComplianceGate.Check(Lead(protectedUntil: Noon.AddHours(-1)), Policy(), Noon));
    }

    [Fact]
    public void Check_WhenAgentGuaranteed_IgnoresAbandonProtection()
    {
        var lead = Lead(protectedUntil: Noon.AddHours(72));

        Assert.Equal(ComplianceBlock.None, ComplianceGate.Check(lead, Policy(agentGuaranteed: true), Noon));
    }

    [Fact]
    public void Check_WhenAgentGuaranteedAndProtected_StillAppliesTheRulesAfterIt()
    {
        var lead = Lead("Mars/Olympus_Mons", protectedUntil: Noon.AddHours(72));

        Assert.Equal(ComplianceBlock.UnknownTimeZone, ComplianceGate.Check(lead, Policy(agentGuaranteed: true), Noon));
        Assert.Equal(
            ComplianceBlock.OutsideCallingWindow,
            ComplianceGate.Check(Lead(protectedUntil: Noon.AddHours(72)), Policy(agentGuaranteed: true, window: NeverOpen), Noon));
    }

    [Fact]
    public void Check_WhenAbandonProtected_BeatsUnknownTimeZoneAndWindow()
    {
        var lead = Lead("Mars/Olympus_Mons", protectedUntil: Noon.AddDays(1));

        Assert.Equal(ComplianceBlock.AbandonProtection, ComplianceGate.Check(lead, Policy(window: NeverOpen), Noon));
    }

    // ---- Time zone ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("America/Atlantis")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" America/New_York")]
    [InlineData("../../etc/localtime")]
    [InlineData("localtime")] // the server's own zone, whatever the lead's
    [InlineData("LOCALTIME")]
    [InlineData("Factory")]
    [InlineData("posixrules")]
    [InlineData("right/America/New_York")] // counts leap seconds: about half a minute off
    [InlineData("posix/America/New_York")]
    public void Check_WhenTimeZoneUnknown_FailsClosedWithUnknownTimeZone(string timeZoneId)
    {
        Assert.Equal(ComplianceBlock.UnknownTimeZone, ComplianceGate.Check(Lead(timeZoneId), Policy(), Noon));
    }

    [Fact]
    public void Check_WhenTimeZoneUnknown_BeatsTheCallingWindow()
    {
        var alwaysOpen = new CallingWindow(TimeOnly.MinValue, TimeOnly.MinValue, Enum.GetValues<DayOfWeek>().ToHashSet());

        Assert.Equal(ComplianceBlock.UnknownTimeZone, ComplianceGate.Check(Lead("Mars/Olympus_Mons"), Policy(window: alwaysOpen), Noon));
        Assert.Equal(ComplianceBlock.UnknownTimeZone, ComplianceGate.Check(Lead("Mars/Olympus_Mons"), Policy(window: NeverOpen), Noon));
    }

    // ---- Calling window -------------------------------------------------------------------------------

    [Fact]
    public void Check_WhenOutsideTheLeadsCallingWindow_BlocksWithOutsideCallingWindow()
    {
        Assert.Equal(ComplianceBlock.OutsideCallingWindow, ComplianceGate.Check(Lead("America/New_York"), Policy(), EasternEvening));
    }

    [Fact]
    public void Check_EvaluatesTheWindowInTheLeadsZone()
    {
        Assert.Equal(ComplianceBlock.None, ComplianceGate.Check(Lead("America/Los_Angeles"), Policy(), EasternEvening));
    }

    [Fact]
    public void Check_WhenAgentGuaranteed_StillRespectsTheCallingWindow()
    {
        Assert.Equal(
            ComplianceBlock.OutsideCallingWindow,
            ComplianceGate.Check(Lead("America/New_York"), Policy(agentGuaranteed: true), EasternEvening));
    }

    // ---- Arguments ------------------------------------------------------------------------------------

    [Fact]
    public void Check_WithNullCandidateOrPolicy_Throws()
    {
        Assert.Throws<ArgumentNullException>("candidate", () => ComplianceGate.Check(null!, Policy(), Noon));
        Assert.Throws<ArgumentNullException>("policy", () => ComplianceGate.Check(Lead(), null!, Noon));
    }
}
