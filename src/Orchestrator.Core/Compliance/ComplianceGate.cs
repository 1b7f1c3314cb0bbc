namespace Orchestrator.Core.Compliance;

/// <summary>
/// The rules no call may break, as one pure function. The runtime calls it when a lead enters the
/// hopper and again at dial time; the frequency cap is checked after it, atomically with its counter
/// in the state store. When in doubt (an unknown time zone) the gate blocks: it fails closed.
/// </summary>
public static class ComplianceGate
{
    public static ComplianceBlock Check(DialCandidate candidate, CompliancePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(policy);

        if (candidate.OnDoNotCallList)
        {
            return ComplianceBlock.DoNotCall;
        }

        if (candidate.Consent == ConsentStatus.Revoked || (policy.ConsentRequired && candidate.Consent != ConsentStatus.Granted))
        {
            return ComplianceBlock.ConsentMissing;
        }

        if (!policy.AgentGuaranteed && candidate.ProtectedUntil is { } until && now < until)
        {
            return ComplianceBlock.AbandonProtection;
        }

        if (!LeadTimeZones.TryResolve(candidate.TimeZoneId, out var zone))
        {
            return ComplianceBlock.UnknownTimeZone;
        }

        return policy.Window.IsOpenAt(now, zone) ? ComplianceBlock.None : ComplianceBlock.OutsideCallingWindow;
    }
}
