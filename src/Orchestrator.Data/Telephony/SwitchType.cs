namespace Orchestrator.Data.Telephony;

/// <summary>The family of media switch a trunk's dial string is written for.</summary>
public enum SwitchType
{
    Unknown = 0,
    Asterisk,
    FreeSwitch,
}
