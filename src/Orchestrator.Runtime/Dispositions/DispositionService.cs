using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Compliance;
using Orchestrator.Core.Dispositions;
using Orchestrator.Data;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Compliance;
using Orchestrator.Data.Dispositions;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Questionnaires;
using Orchestrator.Runtime.Agents;

namespace Orchestrator.Runtime.Dispositions;

/// <summary>
/// Records a disposition — the agent's, or the system's for calls that never reached one — and applies
/// its meaning to the lead in the same transaction: retry, callback, close, or opt-out.
/// </summary>
internal sealed class DispositionService(IDbContextFactory<OrchestratorDbContext> databases, TimeProvider time)
{
    /// <summary>Records the disposition; returns the lead's next step, or null when the attempt already had one (idempotent).</summary>
    public async Task<LeadNextStep?> RecordAsync(Guid attemptId, string code, long? agentId, DispositionSubmission? submission, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Dispositions.AnyAsync(d => d.AttemptId == attemptId, cancellationToken))
        {
            return null;
        }

        var attempt = await db.Attempts.SingleOrDefaultAsync(a => a.Id == attemptId, cancellationToken)
            ?? throw new DispositionRejectedException($"Attempt {attemptId:N} does not exist.");
        var step = await StageAsync(db, attempt, code, agentId, submission, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }

    /// <summary>
    /// Ends an attempt and, for a call no agent will disposition, records the system's disposition with it, in one
    /// transaction: a crash or a stop between the two would otherwise leave an ended attempt whose lead never gets
    /// its next step (an abandoned number unprotected, a lead never retried). Only an attempt that has not ended
    /// yet is ended, so a repeated end changes nothing; returns whether this call ended it.
    /// </summary>
    public async Task<bool> EndAsync(AttemptEnding ending, string? systemCode, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);

        // Retried as a whole where the provider retries (SQL Server with retries on); a retry after a commit whose
        // acknowledgement was lost finds the attempt ended and changes nothing.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (db, ending, systemCode),
            static async (_, state, token) =>
            {
                var (db, ending, systemCode) = state;
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var ended = await db.Attempts.Where(a => a.Id == ending.AttemptId && a.EndedAt == null)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(a => a.EndedAt, ending.At)
                            .SetProperty(a => a.Result, ending.Result)
                            .SetProperty(a => a.HangupCause, ending.Cause)
                            .SetProperty(a => a.RawHangupCause, ending.RawCause),
                        token);
                if (ended == 0)
                {
                    return false;
                }

                if (systemCode is not null && !await db.Dispositions.AnyAsync(d => d.AttemptId == ending.AttemptId, token))
                {
                    var attempt = await db.Attempts.SingleAsync(a => a.Id == ending.AttemptId, token);
                    await StageAsync(db, attempt, systemCode, null, null, ending.At, token);
                    await db.SaveChangesAsync(token);
                }

                await transaction.CommitAsync(token);
                return true;
            },
            verifySucceeded: null,
            cancellationToken);
    }

    /// <summary>Adds the disposition and applies its next step to the lead, for the caller to save.</summary>
    private static async Task<LeadNextStep> StageAsync(
        OrchestratorDbContext db, Attempt attempt, string code, long? agentId, DispositionSubmission? submission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Project).SingleAsync(c => c.Id == attempt.CampaignId, cancellationToken);
        var definition = await db.DispositionDefinitions.AsNoTracking()
            .SingleOrDefaultAsync(d => d.ProjectId == campaign.ProjectId && d.Code == code && d.IsActive, cancellationToken)
            ?? SystemDefinition(db, campaign.ProjectId, code)
            ?? throw new DispositionRejectedException($"'{code}' is not a disposition code of project {campaign.Project!.Name}.");
        if (definition.RequiresCallbackTime && submission?.CallbackAt is null)
        {
            throw new DispositionRejectedException($"Disposition '{code}' needs a callback time.");
        }

        if (submission?.CallbackAt is { } requested && requested <= now)
        {
            throw new DispositionRejectedException($"The callback time {requested:O} is not in the future.");
        }

        var lead = await db.Leads.Include(l => l.Phones).SingleAsync(l => l.Id == attempt.LeadId, cancellationToken);
        db.Dispositions.Add(new Disposition
        {
            AttemptId = attempt.Id,
            LeadId = lead.Id,
            Code = definition.Code,
            Outcome = definition.Outcome,
            AgentId = agentId,
            Notes = submission?.Notes,
            CreatedAt = now,
        });
        AddAnswers(db, attempt.Id, submission, campaign.QuestionnaireId is null ? null : await LatestVersionAsync(db, campaign.QuestionnaireId.Value, cancellationToken), now);

        var rules = campaign.Project!.ClosureRules;
        var personalAgent = submission?.CallbackIsPersonal == true ? agentId : null;
        var step = NextStepPolicy.Decide(definition.Outcome, lead.AttemptCount, rules, now, submission?.CallbackAt, personalAgent);
        var phone = lead.Phones.SingleOrDefault(p => p.Id == attempt.LeadPhoneId);

        if (attempt.Result == AttemptResult.Abandoned && phone is not null)
        {
            // Safe harbor: no redial of an abandoned number before the protection ends.
            phone.ProtectedUntil = now + rules.AbandonProtection;
        }

        Apply(db, step, lead, phone, attempt, campaign.ProjectId, now);
        return step;
    }

    /// <summary>
    /// System codes belong to every project; one added in a later version is created in the project the first
    /// time it is used, so older projects keep working.
    /// </summary>
    private static DispositionDefinition? SystemDefinition(OrchestratorDbContext db, long projectId, string code)
    {
        var (systemCode, label, outcome) = SystemDisposition.All.FirstOrDefault(d => d.Code == code);
        if (systemCode is null)
        {
            return null;
        }

        var definition = new DispositionDefinition { ProjectId = projectId, Code = systemCode, Label = label, Outcome = outcome, IsSystem = true, SortOrder = 1000 };
        db.DispositionDefinitions.Add(definition);
        return definition;
    }

    private static void Apply(OrchestratorDbContext db, LeadNextStep step, Lead lead, LeadPhone? phone, Attempt attempt, long projectId, DateTimeOffset now)
    {
        switch (step)
        {
            case LeadNextStep.Retry retry:
                lead.Status = LeadStatus.New;
                lead.NextDialAt = Later(retry.NotBefore, phone?.ProtectedUntil);
                break;

            case LeadNextStep.Callback callback:
                lead.Status = LeadStatus.Callback;
                lead.NextDialAt = Later(callback.At, phone?.ProtectedUntil);
                lead.OwnerAgentId = callback.AgentId;
                db.Callbacks.Add(new Callback
                {
                    LeadId = lead.Id,
                    CampaignId = attempt.CampaignId,
                    AgentId = callback.AgentId,
                    DueAt = callback.At,
                    TimeZoneId = lead.TimeZoneId,
                    CreatedByAttemptId = attempt.Id,
                    CreatedAt = now,
                });
                break;

            case LeadNextStep.Close { Reason: LeadClosureReason.WrongNumber } when phone is not null && lead.Phones.Any(p => p.Id != phone.Id && p.IsValid):
                // Only this number is wrong: drop it and try the lead's other numbers.
                phone.IsValid = false;
                lead.Status = LeadStatus.New;
                lead.NextDialAt = now;
                break;

            case LeadNextStep.Close close:
                if (close.Reason == LeadClosureReason.WrongNumber && phone is not null)
                {
                    phone.IsValid = false;
                }

                lead.Status = LeadStatus.Closed;
                lead.ClosureReason = close.Reason;
                lead.NextDialAt = null;
                break;

            case LeadNextStep.OptOut:
                lead.Status = LeadStatus.OptedOut;
                lead.NextDialAt = null;
                foreach (var number in lead.Phones.Select(p => p.Number).Distinct())
                {
                    db.DncEntries.Add(new DncEntry { Number = number, Scope = DncScope.Project, ProjectId = projectId, Source = DncSource.OptOut, Reason = "Opted out on a call", AddedAt = now });
                    db.ConsentRecords.Add(new ConsentRecord { LeadId = lead.Id, Number = number, Purpose = "outbound", Status = ConsentStatus.Revoked, Source = "disposition", CapturedAt = now, RevokedAt = now });
                }

                break;
        }
    }

    private static DateTimeOffset Later(DateTimeOffset wanted, DateTimeOffset? protectedUntil) =>
        protectedUntil is { } until && until > wanted ? until : wanted;

    private static Task<long?> LatestVersionAsync(OrchestratorDbContext db, long questionnaireId, CancellationToken cancellationToken) =>
        db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.QuestionnaireId == questionnaireId && v.PublishedAt != null)
            .OrderByDescending(v => v.Version)
            .Select(v => (long?)v.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static void AddAnswers(OrchestratorDbContext db, Guid attemptId, DispositionSubmission? submission, long? versionId, DateTimeOffset now)
    {
        if (submission?.Answers is not { Count: > 0 } answers)
        {
            return;
        }

        if (versionId is null)
        {
            throw new DispositionRejectedException("The campaign has no published questionnaire, so answers cannot be stored.");
        }

        foreach (var (key, value) in answers)
        {
            db.AttemptAnswers.Add(new AttemptAnswer { AttemptId = attemptId, QuestionnaireVersionId = versionId.Value, QuestionKey = key, Value = value, AnsweredAt = now });
        }
    }
}
