using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orchestrator.Core.Compliance;

namespace Orchestrator.Core.Tests.Compliance;

[Properties(Replay = PropertySeeds.Replay, MaxTest = 1000)]
public sealed class ComplianceGatePropertyTests
{
    private const string UnknownZone = "Mars/Olympus_Mons";

    private static readonly Gen<GateCase> Cases =
        from windowCase in CallingWindowGenerators.Cases
        from zoneId in Gen.Frequency((5, Gen.Constant(windowCase.ZoneId)), (1, Gen.Elements(UnknownZone, "", "America/Atlantis")))
        from dnc in Gen.Elements(false, true)
        from consent in Gen.Elements(Enum.GetValues<ConsentStatus>())
        from protection in Gen.Choose(-3, 4)
        from consentRequired in Gen.Elements(false, true)
        from agentGuaranteed in Gen.Elements(false, true)
        select new GateCase(
            new DialCandidate(
                "+12125550123",
                zoneId,
                dnc,
                consent,
                protection switch
                {
                    0 => null,
                    4 => windowCase.Instant, // protection ends exactly now
                    _ => windowCase.Instant.AddTicks(protection) + TimeSpan.FromHours(protection * 24),
                }),
            new CompliancePolicy(windowCase.Window, consentRequired, agentGuaranteed),
            windowCase.Instant);

    [Property]
    public Property Check_WhenNumberOnDnc_NeverAllowsWhateverTheOtherInputs() =>
        Prop.ForAll(
            Cases.ToArbitrary(),
            c => ComplianceGate.Check(c.Candidate with { OnDoNotCallList = true }, c.Policy, c.Now) == ComplianceBlock.DoNotCall);

    [Property]
    public Property Check_WhenConsentRevoked_NeverAllows() =>
        Prop.ForAll(
            Cases.ToArbitrary(),
            c => ComplianceGate.Check(c.Candidate with { Consent = ConsentStatus.Revoked }, c.Policy, c.Now) != ComplianceBlock.None);

    [Property]
    public Property Check_WhenAgentGuaranteed_NeverBlocksForAbandonProtection() =>
        Prop.ForAll(
            Cases.ToArbitrary(),
            c => ComplianceGate.Check(c.Candidate, c.Policy with { AgentGuaranteed = true }, c.Now) != ComplianceBlock.AbandonProtection);

    [Property]
    public Property Check_ForAnyInputs_ReturnsTheFirstBrokenRuleInDocumentedOrder() =>
        Prop.ForAll(Cases.ToArbitrary(), c => ComplianceGate.Check(c.Candidate, c.Policy, c.Now) == Expected(c));

    /// <summary>The precedence, written out: DNC, consent, abandon protection, time zone, calling window.</summary>
    private static ComplianceBlock Expected(GateCase c)
    {
        var (lead, policy, now) = (c.Candidate, c.Policy, c.Now);
        if (lead.OnDoNotCallList)
        {
            return ComplianceBlock.DoNotCall;
        }

        var consentOk = lead.Consent switch
        {
            ConsentStatus.Revoked => false,
            ConsentStatus.Granted => true,
            _ => !policy.ConsentRequired,
        };
        if (!consentOk)
        {
            return ComplianceBlock.ConsentMissing;
        }

        if (!policy.AgentGuaranteed && lead.ProtectedUntil > now)
        {
            return ComplianceBlock.AbandonProtection;
        }

        if (!CallingWindowGenerators.ZoneIds.Contains(lead.TimeZoneId))
        {
            return ComplianceBlock.UnknownTimeZone;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(lead.TimeZoneId);
        return policy.Window.IsOpenAt(now, zone) ? ComplianceBlock.None : ComplianceBlock.OutsideCallingWindow;
    }

    internal sealed record GateCase(DialCandidate Candidate, CompliancePolicy Policy, DateTimeOffset Now)
    {
        public override string ToString() =>
            $"{Candidate} | consentRequired={Policy.ConsentRequired} agentGuaranteed={Policy.AgentGuaranteed} | " +
            new WindowCase(Policy.Window, Candidate.TimeZoneId, Now);
    }
}
