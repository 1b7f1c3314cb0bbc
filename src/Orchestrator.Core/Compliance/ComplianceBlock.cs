namespace Orchestrator.Core.Compliance;

/// <summary>Why a number may not be dialed now. <see cref="None"/> means it may.</summary>
public enum ComplianceBlock
{
    None = 0,
    DoNotCall,
    OutsideCallingWindow,
    ConsentMissing,
    AbandonProtection,
    UnknownTimeZone,
    FrequencyCap,
}
