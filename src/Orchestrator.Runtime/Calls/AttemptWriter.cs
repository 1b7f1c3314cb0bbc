using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Attempts;
using Orchestrator.Core.Calls;
using Orchestrator.Data;
using Orchestrator.Data.Attempts;

namespace Orchestrator.Runtime.Calls;

/// <summary>Single-row updates of an attempt as its call progresses (the row was written by the dialer).</summary>
internal sealed class AttemptWriter(IDbContextFactory<OrchestratorDbContext> databases)
{
    public async Task AnsweredAsync(AttemptId attempt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Attempts.Where(a => a.Id == attempt.Value && a.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AnsweredAt, at), cancellationToken);
    }

    public async Task DetectedAsync(AttemptId attempt, AmdResult result, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Attempts.Where(a => a.Id == attempt.Value)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AmdResult, result), cancellationToken);
    }

    public async Task ConnectedAsync(AttemptId attempt, long agentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Attempts.Where(a => a.Id == attempt.Value)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.ConnectedAt, at).SetProperty(a => a.AgentId, agentId).SetProperty(a => a.Result, AttemptResult.Connected),
                cancellationToken);
    }
}
