namespace Orchestrator.Core.Dispositions;

/// <summary>What happens to a lead after a disposition.</summary>
public abstract record LeadNextStep
{
    private LeadNextStep()
    {
    }

    /// <summary>Dial again, not before <paramref name="NotBefore"/>.</summary>
    public sealed record Retry(DateTimeOffset NotBefore) : LeadNextStep;

    /// <summary>Dial at <paramref name="At"/>, by <paramref name="AgentId"/> when the callback is agent-owned.</summary>
    public sealed record Callback(DateTimeOffset At, long? AgentId) : LeadNextStep;

    /// <summary>Stop calling the lead.</summary>
    public sealed record Close(LeadClosureReason Reason) : LeadNextStep;

    /// <summary>Never call again: DNC entry, consent revoked, personal data purged per policy.</summary>
    public sealed record OptOut : LeadNextStep;
}

/// <summary>Why a lead was closed.</summary>
public enum LeadClosureReason
{
    Success,
    Refused,
    WrongNumber,
    MaxAttemptsReached,
}
