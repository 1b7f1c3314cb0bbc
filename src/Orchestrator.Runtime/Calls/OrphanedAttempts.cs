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
/// Settles what an instance that died left behind, when another instance takes the campaign's lease: an attempt
/// row without an end whose call is gone (no call in flight in the shared state store, or one the switch no
/// longer has), and a connected call whose agent is no longer wrapping it up and will never give the
/// disposition. Their leads go back to the queue, so a crash neither loses a lead nor leaves it "in progress".
/// </summary>
/// <remarks>
/// A call the dead instance placed that is still up on the switch is left alone (and reported): adopting it —
/// routing its events to this instance's adapter — is not built yet; it is settled once it has ended.
/// </remarks>
internal static class OrphanedAttempts
{
    public static async Task<int> SettleAsync(
        IDbContextFactory<OrchestratorDbContext> databases,
        IStateStore state,
        DispositionService dispositions,
        Func<CancellationToken, Task<IReadOnlyList<Switching.LiveChannel>>> liveChannels,
        IReadOnlySet<Core.Attempts.AttemptId> mine,
        long campaignId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var settled = await SettleUnendedAsync(databases, state, dispositions, liveChannels, mine, campaignId, now, cancellationToken);
        return settled + await SettleUndispositionedAsync(databases, state, dispositions, campaignId, cancellationToken);
    }

    /// <summary>
    /// Ended attempts without a disposition: a connected call whose agent is no longer wrapping it up gets NODISP; any
    /// other (written before an attempt's end and its system disposition became one transaction) gets the system
    /// disposition its result means, so its lead gets its next step (an abandoned number its protection).
    /// </summary>
    private static async Task<int> SettleUndispositionedAsync(IDbContextFactory<OrchestratorDbContext> databases, IStateStore state, DispositionService dispositions, long campaignId, CancellationToken cancellationToken)
    {
        List<(Guid Id, long? AgentId, AttemptResult Result, HangupCause? Cause)> owed;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            owed = (await db.Attempts
                .Where(a => a.CampaignId == campaignId && a.EndedAt != null && !db.Dispositions.Any(d => d.AttemptId == a.Id))
                .Select(a => new { a.Id, a.AgentId, a.Result, a.HangupCause })
                .ToListAsync(cancellationToken))
                .Select(a => (a.Id, a.AgentId, a.Result, a.HangupCause)).ToList();
        }

        var settled = 0;
        foreach (var (id, agentId, result, cause) in owed)
        {
            if (result == AttemptResult.Connected)
            {
                // The agent still has it (on the call's last moments, or wrapping it up): theirs to disposition.
                var agent = agentId is { } agentKey ? await state.Agents.GetAsync(agentKey, cancellationToken) : null;
                if (agent is not null && agent.Attempt == new Core.Attempts.AttemptId(id))
                {
                    continue;
                }
            }

            if (await dispositions.RecordAsync(id, SystemCodeFor(result, cause), null, null, cancellationToken) is not null)
            {
                settled++;
            }
        }

        return settled;
    }

    /// <summary>The system disposition of an ended attempt nobody dispositioned, from its result (as the runner settles a call from its phase).</summary>
    private static string SystemCodeFor(AttemptResult result, HangupCause? cause) => result switch
    {
        AttemptResult.Connected => SystemDisposition.NotDispositioned,
        AttemptResult.Abandoned => SystemDisposition.Abandoned,
        AttemptResult.Machine => SystemDisposition.AnsweringMachine,
        AttemptResult.HungUpBeforeConnect => SystemDisposition.CustomerHungUp,
        AttemptResult.Cancelled => SystemDisposition.Cancelled,
        _ => SystemDisposition.ForUnconnectedCall(cause ?? HangupCause.Unknown),
    };

    private static async Task<int> SettleUnendedAsync(
        IDbContextFactory<OrchestratorDbContext> databases,
        IStateStore state,
        DispositionService dispositions,
        Func<CancellationToken, Task<IReadOnlyList<Switching.LiveChannel>>> liveChannels,
        IReadOnlySet<Core.Attempts.AttemptId> mine,
        long campaignId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var open = await db.Attempts.Where(a => a.CampaignId == campaignId && a.EndedAt == null)
            .Select(a => new { a.Id, a.LeadId, Answered = a.AnsweredAt != null, Connected = a.ConnectedAt != null })
            .ToListAsync(cancellationToken);
        HashSet<Switching.LegId>? live = null;
        var settled = 0;
        foreach (var attempt in open)
        {
            var id = new Core.Attempts.AttemptId(attempt.Id);
            if (mine.Contains(id))
            {
                continue;
            }

            if (await state.Calls.GetAsync(id, cancellationToken) is not null)
            {
                // This instance holds the campaign's lease, so the call was a predecessor's. Only the switch
                // knows whether it is still up.
                live ??= await LiveLegsAsync(liveChannels, cancellationToken);
                if (live is null || live.Contains(Switching.LegId.ForAttempt(id)))
                {
                    continue;
                }

                await state.Calls.RemoveAsync(id, cancellationToken);
            }

            // How it ended is unknown. Answered and never connected to an agent: counted abandoned, to be safe (its
            // number protected for 72 hours). Otherwise failed: the system's disposition sends the lead back to the
            // queue (retry), like any failed call.
            var abandoned = attempt.Answered && !attempt.Connected;
            var ending = new AttemptEnding(
                attempt.Id,
                abandoned ? AttemptResult.Abandoned : AttemptResult.Failed,
                HangupCause.Unknown,
                "orphaned: its instance stopped before the call's end was written",
                now);
            if (await dispositions.EndAsync(ending, abandoned ? SystemDisposition.Abandoned : SystemDisposition.Failed, cancellationToken))
            {
                settled++;
            }
        }

        return settled;
    }

    /// <summary>The switch's live legs, or null when it cannot say (then nothing in flight is settled this time).</summary>
    private static async Task<HashSet<Switching.LegId>?> LiveLegsAsync(Func<CancellationToken, Task<IReadOnlyList<Switching.LiveChannel>>> liveChannels, CancellationToken cancellationToken)
    {
        try
        {
            return (await liveChannels(cancellationToken)).Where(c => c.Leg is not null).Select(c => c.Leg!.Value).ToHashSet();
        }
        catch (Switching.SwitchException)
        {
            return null;
        }
    }
}
