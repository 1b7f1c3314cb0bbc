using Microsoft.EntityFrameworkCore;
using Orchestrator.Data;
using Orchestrator.Runtime.Agents;

namespace Orchestrator.Host.Demo;

/// <summary>
/// Prints the demo summary at shutdown. Registered before the runtime, so it stops after it (hosted services stop
/// in reverse order): by then every call has ended and every attempt row is final.
/// </summary>
internal sealed class DemoSummaryReporter(
    DemoRun run,
    IDbContextFactory<OrchestratorDbContext> databases,
    IAgentDesk desk,
    TimeProvider time,
    DemoSummaryOutput output,
    ILogger<DemoSummaryReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!run.Seeded.IsCompletedSuccessfully)
        {
            return;
        }

        var seeded = await run.Seeded;
        try
        {
            await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
            var summary = await DemoSummary.ComputeAsync(db, desk, seeded.CampaignId, seeded.AgentIds, run.StartedAt, time.GetUtcNow(), CancellationToken.None);
            run.Summary = summary;
            await output.Writer.WriteAsync(Environment.NewLine + summary.Format());
            await output.Writer.FlushAsync(CancellationToken.None);
        }
        catch (Exception error) when (error is InvalidOperationException or System.Data.Common.DbException)
        {
            HostLog.DemoSummaryFailed(logger, error);
        }
    }
}

/// <summary>Where the demo summary is printed: standard output, unless a test replaces it.</summary>
public sealed class DemoSummaryOutput(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;
}
