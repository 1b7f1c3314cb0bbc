namespace Orchestrator.Data.Campaigns;

/// <summary>At most <paramref name="MaxAttempts"/> calls to one number within any <paramref name="Window"/>.</summary>
/// <param name="MaxAttempts">Calls allowed in the window. Default 3.</param>
/// <param name="Window">The sliding window. Default 24 h.</param>
public sealed record FrequencyCap(int MaxAttempts, TimeSpan Window)
{
    public static FrequencyCap Default { get; } = new(3, TimeSpan.FromHours(24));
}
