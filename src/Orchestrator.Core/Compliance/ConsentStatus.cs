namespace Orchestrator.Core.Compliance;

/// <summary>What the lead has agreed to, as far as the records show.</summary>
public enum ConsentStatus
{
    /// <summary>No consent record exists.</summary>
    None = 0,

    /// <summary>The lead gave consent that has not been revoked or expired.</summary>
    Granted,

    /// <summary>The lead revoked consent.</summary>
    Revoked,
}
