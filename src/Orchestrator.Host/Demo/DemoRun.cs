using Orchestrator.Data.Seeding;

namespace Orchestrator.Host.Demo;

/// <summary>What the demo's services share: when the run started, the seeded records, and the final summary.</summary>
public sealed class DemoRun
{
    private readonly TaskCompletionSource<DemoSeedResult> _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The start of this run; the summary counts the attempts made since.</summary>
    public DateTimeOffset StartedAt { get; internal set; }

    /// <summary>Completes once the demo project, campaign, agents and leads exist.</summary>
    public Task<DemoSeedResult> Seeded => _seeded.Task;

    /// <summary>The summary printed at shutdown (null before).</summary>
    public DemoSummary? Summary { get; internal set; }

    internal void SetSeeded(DemoSeedResult result) => _seeded.TrySetResult(result);

    internal void SetFailed(Exception error) => _seeded.TrySetException(error);
}
