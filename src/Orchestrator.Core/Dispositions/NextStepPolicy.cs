namespace Orchestrator.Core.Dispositions;

/// <summary>Turns a disposition into the lead's next step under the project's closure rules.</summary>
public static class NextStepPolicy
{
    /// <param name="outcome">The disposition's meaning.</param>
    /// <param name="attemptsSoFar">Attempts made on the lead, the one just dispositioned included.</param>
    /// <param name="rules">The project's closure rules.</param>
    /// <param name="now">The disposition time.</param>
    /// <param name="callbackAt">For <see cref="DispositionOutcome.Callback"/>: the agreed time.</param>
    /// <param name="callbackAgentId">For an agent-owned callback: the agent.</param>
    public static LeadNextStep Decide(
        DispositionOutcome outcome,
        int attemptsSoFar,
        ClosureRules rules,
        DateTimeOffset now,
        DateTimeOffset? callbackAt = null,
        long? callbackAgentId = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return outcome switch
        {
            DispositionOutcome.Success => new LeadNextStep.Close(LeadClosureReason.Success),
            DispositionOutcome.Refused => new LeadNextStep.Close(LeadClosureReason.Refused),
            DispositionOutcome.WrongNumber => new LeadNextStep.Close(LeadClosureReason.WrongNumber),
            DispositionOutcome.OptOut => new LeadNextStep.OptOut(),
            DispositionOutcome.Callback => new LeadNextStep.Callback(
                callbackAt ?? throw new ArgumentException("A callback disposition needs a callback time.", nameof(callbackAt)),
                callbackAgentId),
            DispositionOutcome.Retry when attemptsSoFar >= rules.MaxAttempts => new LeadNextStep.Close(LeadClosureReason.MaxAttemptsReached),
            DispositionOutcome.Retry => new LeadNextStep.Retry(now + rules.RetryDelay),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown disposition outcome."),
        };
    }
}
