using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Attempts;
using Orchestrator.Core.Compliance;
using Orchestrator.Data;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Compliance;
using Orchestrator.Data.Leads;
using Orchestrator.Runtime.Calls;
using Orchestrator.Runtime.Campaigns;
using Orchestrator.State;

namespace Orchestrator.Runtime.Dialing;

/// <summary>
/// Takes the next lead from the hopper and makes it a call: the compliance gate again at dial time, the
/// frequency cap in one atomic step with its counter, then the attempt row — durable before the switch
/// hears of the call, so that after any crash the row says a call may exist.
/// </summary>
internal sealed class Dialer(IDbContextFactory<OrchestratorDbContext> databases, IStateStore state, TimeProvider time, string switchName)
{
    /// <summary>How long a lead waits when the frequency cap or its calling window stops it.</summary>
    private static readonly TimeSpan BlockedRetryDelay = TimeSpan.FromMinutes(15);

    public async Task<DialOutcome> PrepareNextAsync(CampaignSettings settings, long generation, CancellationToken cancellationToken)
    {
        var entry = await state.Hoppers.PopAsync(settings.CampaignId, cancellationToken);
        if (entry is null)
        {
            return new DialOutcome.HopperEmpty();
        }

        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.Include(l => l.Phones).SingleOrDefaultAsync(l => l.Id == entry.LeadId, cancellationToken);
        if (lead is null || lead.Status is not (LeadStatus.New or LeadStatus.Callback) || lead.NextDialAt > now)
        {
            // This is the guard that keeps a lead from being dialed twice: it is InProgress from its first attempt on.
            return new DialOutcome.Skipped("lead no longer due");
        }

        var phone = lead.Phones.FirstOrDefault(p => p.Number == entry.PhoneNumber && p.IsValid);
        if (phone is null)
        {
            return new DialOutcome.Skipped("number no longer valid");
        }

        var candidate = new DialCandidate(
            phone.Number,
            lead.TimeZoneId,
            await IsOnDncAsync(db, phone.Number, settings.ProjectId, now, cancellationToken),
            await ConsentAsync(db, lead.Id, phone.Number, cancellationToken),
            phone.ProtectedUntil);
        var block = ComplianceGate.Check(candidate, settings.Compliance, now);
        if (block != ComplianceBlock.None)
        {
            await RescheduleAsync(db, lead, block, now, cancellationToken);
            return new DialOutcome.Blocked(block);
        }

        var attempt = AttemptId.New(time);
        var cap = settings.FrequencyCap;
        if (!await state.Frequency.TryRecordAsync(FrequencyKey(phone.Number), attempt, now, cap.Window, cap.MaxAttempts, cancellationToken))
        {
            await RescheduleAsync(db, lead, ComplianceBlock.FrequencyCap, now, cancellationToken);
            return new DialOutcome.Blocked(ComplianceBlock.FrequencyCap);
        }

        db.Attempts.Add(new Attempt
        {
            Id = attempt.Value,
            CampaignId = settings.CampaignId,
            LeadId = lead.Id,
            LeadPhoneId = phone.Id,
            PhoneNumber = phone.Number,
            TrunkId = settings.TrunkId,
            CallerIdNumber = settings.CallerId.Number,
            CreatedAt = now,
            DialedAt = now,
            Result = AttemptResult.Dialing,
            SwitchName = switchName,
            SwitchChannelId = attempt.ToString(),
        });
        lead.Status = LeadStatus.InProgress;
        lead.AttemptCount++;
        lead.LastAttemptAt = now;
        phone.AttemptCount++;
        phone.LastAttemptAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance took the lead between our read and our write.
            return new DialOutcome.Skipped("lead taken by another instance");
        }

        await state.Calls.AddAsync(new CallInFlight(attempt, settings.CampaignId, lead.Id, phone.Number, CallStage.Originating, now, null), cancellationToken);
        return new DialOutcome.Ready(new LiveCall(attempt, lead.Id, phone.Id, phone.Number, now, generation));
    }

    public static string FrequencyKey(string phoneNumber) => $"phone:{phoneNumber}";

    private static Task<bool> IsOnDncAsync(OrchestratorDbContext db, string number, long projectId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.DncEntries.AsNoTracking().AnyAsync(
            d => d.Number == number
                && (d.Scope == DncScope.Global || d.ProjectId == projectId)
                && (d.ExpiresAt == null || d.ExpiresAt > now),
            cancellationToken);

    private static async Task<ConsentStatus> ConsentAsync(OrchestratorDbContext db, long leadId, string number, CancellationToken cancellationToken)
    {
        var latest = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.Number == number || c.LeadId == leadId)
            .OrderByDescending(c => c.CapturedAt)
            .Select(c => (ConsentStatus?)c.Status)
            .FirstOrDefaultAsync(cancellationToken);
        return latest ?? ConsentStatus.None;
    }

    private static async Task RescheduleAsync(OrchestratorDbContext db, Lead lead, ComplianceBlock block, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (block)
        {
            case ComplianceBlock.DoNotCall:
                lead.Status = LeadStatus.OptedOut;
                break;
            case ComplianceBlock.ConsentMissing or ComplianceBlock.UnknownTimeZone:
                // Not dialable until someone fixes the record; keep it out of the hopper meanwhile.
                lead.NextDialAt = now + TimeSpan.FromDays(1);
                break;
            default:
                lead.NextDialAt = now + BlockedRetryDelay;
                break;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed the lead meanwhile; their decision stands.
        }
    }
}
