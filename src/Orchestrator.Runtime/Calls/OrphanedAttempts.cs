using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Calls;
using Orchestrator.Core.Dispositions;
using Orchestrator.Data;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Leads;
using Orchestrator.Runtime.Dispositions;
using Orchestrator.State;

namespace Orchestrator.Runtime.Calls;

/// <summary>
/// Settles attempts left open by an instance that died: an attempt row without an end and without a call in
/// flight in the shared state store has no owner any more, and a connected call whose agent is no longer
/// wrapping it up will never get the agent's disposition. Their leads go back to the queue, so a crash
/// neither loses a lead nor leaves it "in progress" forever.
/// </summary>
internal static class OrphanedAttempts
{
    public static async Task<int> SettleAsync(IDbContextFactory<OrchestratorDbContext> databases, IStateStore state, DispositionService dispositions, long campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settled = await SettleUnendedAsync(databases, state, dispositions, campaignId, now, cancellationToken);
        return settled + await SettleUndispositionedAsync(databases, state, dispositions, campaignId, cancellationToken);
    }

    private static async Task<int> SettleUndispositionedAsync(IDbContextFactory<OrchestratorDbContext> databases, IStateStore state, DispositionService dispositions, long campaignId, CancellationToken cancellationToken)
    {
        List<(Guid Id, long? AgentId)> owed;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            owed = (await db.Attempts
                .Where(a => a.CampaignId == campaignId && a.Result == AttemptResult.Connected && a.EndedAt != null && !db.Dispositions.Any(d => d.AttemptId == a.Id))
                .Select(a => new { a.Id, a.AgentId })
                .ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.AgentId)).ToList();
        }

        var settled = 0;
        foreach (var (id, agentId) in owed)
        {
            var agent = agentId is { } agentKey ? await state.Agents.GetAsync(agentKey, cancellationToken) : null;
            if (agent is { State: AgentState.WrapUp } && agent.Attempt == new Core.Attempts.AttemptId(id))
            {
                continue; // the agent is still on it
            }

            await dispositions.RecordAsync(id, SystemDisposition.NotDispositioned, null, null, cancellationToken);
            settled++;
        }

        return settled;
    }

    private static async Task<int> SettleUnendedAsync(IDbContextFactory<OrchestratorDbContext> databases, IStateStore state, DispositionService dispositions, long campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var open = await db.Attempts.Where(a => a.CampaignId == campaignId && a.EndedAt == null).Select(a => new { a.Id, a.LeadId }).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var attempt in open)
        {
            if (await state.Calls.GetAsync(new Core.Attempts.AttemptId(attempt.Id), cancellationToken) is not null)
            {
                continue; // another instance's call, or one this instance is about to reconcile with the switch
            }

            var ended = await db.Attempts.Where(a => a.Id == attempt.Id && a.EndedAt == null).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.EndedAt, now)
                    .SetProperty(a => a.Result, AttemptResult.Failed)
                    .SetProperty(a => a.HangupCause, HangupCause.Unknown)
                    .SetProperty(a => a.RawHangupCause, "orphaned: its instance stopped before the call ended"),
                cancellationToken);
            if (ended == 1)
            {
                // The system's disposition sends the lead back to the queue (retry), like any failed call.
                await dispositions.RecordAsync(attempt.Id, SystemDisposition.Failed, null, null, cancellationToken);
                settled++;
            }
        }

        return settled;
    }
}
