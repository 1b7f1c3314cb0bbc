namespace Orchestrator.Core.Dispositions;

/// <summary>A project's rules for when to stop calling a lead and how long to wait between tries.</summary>
/// <param name="MaxAttempts">Attempts after which a lead that keeps asking for a retry is closed. Default 6.</param>
/// <param name="RetryDelay">Wait before a retry (no answer, busy, machine). Default 2 h.</param>
/// <param name="AbandonProtection">After an abandoned call, the number is not redialed for this long. Default 72 h (TCPA safe harbor).</param>
public sealed record ClosureRules(int MaxAttempts, TimeSpan RetryDelay, TimeSpan AbandonProtection)
{
    public static ClosureRules Default { get; } = new(6, TimeSpan.FromHours(2), TimeSpan.FromHours(72));
}
