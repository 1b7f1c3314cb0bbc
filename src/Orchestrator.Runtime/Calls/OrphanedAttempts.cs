using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Calls;
using Orchestrator.Data;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Leads;
using Orchestrator.State;

namespace Orchestrator.Runtime.Calls;

/// <summary>
/// Settles attempts left open by an instance that died: an attempt row without an end and without a call in
/// flight in the shared state store has no owner any more. Its lead goes back to the queue, so a crash
/// neither loses the lead nor leaves it "in progress" forever.
/// </summary>
internal static class OrphanedAttempts
{
    public static async Task<int> SettleAsync(IDbContextFactory<OrchestratorDbContext> databases, IStateStore state, long campaignId, DateTimeOffset now, CancellationToken cancellationToken)
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

            settled += await db.Attempts.Where(a => a.Id == attempt.Id && a.EndedAt == null).ExecuteUpdateAsync(
                s => s.SetProperty(a => a.EndedAt, now)
                    .SetProperty(a => a.Result, AttemptResult.Failed)
                    .SetProperty(a => a.HangupCause, HangupCause.Unknown)
                    .SetProperty(a => a.RawHangupCause, "orphaned: its instance stopped before the call ended"),
                cancellationToken);
            await db.Leads.Where(l => l.Id == attempt.LeadId && l.Status == LeadStatus.InProgress).ExecuteUpdateAsync(
                s => s.SetProperty(l => l.Status, LeadStatus.New).SetProperty(l => l.NextDialAt, now).SetProperty(l => l.Version, l => l.Version + 1),
                cancellationToken);
        }

        return settled;
    }
}
