using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Campaigns;
using Orchestrator.Core.Compliance;
using Orchestrator.Data;
using Orchestrator.Switching.Commands;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>Reads a campaign and everything its runner needs in one go.</summary>
internal static class CampaignSettingsLoader
{
    private static readonly CallerId Anonymous = new("Outbound", "0000000000");

    public static async Task<CampaignSettings> LoadAsync(OrchestratorDbContext db, long campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .Include(c => c.Project)
            .Include(c => c.Lists)
            .SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw new CampaignNotFoundException(campaignId);

        var trunk = campaign.TrunkId is { } trunkId
            ? await db.Trunks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == trunkId && t.IsActive, cancellationToken)
            : null;

        var callerIdNumber = campaign.CallerIdPoolId is { } poolId
            ? await db.CallerIdNumbers.AsNoTracking().Where(n => n.PoolId == poolId).OrderBy(n => n.Id).FirstOrDefaultAsync(cancellationToken)
            : null;

        var questionnaire = campaign.QuestionnaireId is { } questionnaireId
            ? await db.QuestionnaireVersions.AsNoTracking()
                .Where(v => v.QuestionnaireId == questionnaireId && v.PublishedAt != null)
                .OrderByDescending(v => v.Version)
                .FirstOrDefaultAsync(cancellationToken)
            : null;

        // Preview and manual dialing put an agent on the line before the customer answers.
        var agentGuaranteed = campaign.DialMode is DialMode.Preview or DialMode.Manual;

        return new CampaignSettings(
            campaign.Id,
            campaign.ProjectId,
            campaign.Name,
            campaign.DialMode,
            new CompliancePolicy(campaign.CallingWindow.ToPolicy(), campaign.ConsentRequired, agentGuaranteed),
            campaign.FrequencyCap,
            campaign.Project!.ClosureRules,
            campaign.AbandonCapPercent,
            TimeSpan.FromSeconds(campaign.AbandonThresholdSeconds),
            TimeSpan.FromSeconds(campaign.RingTimeoutSeconds),
            campaign.DetectMachine,
            campaign.LinesPerAgent,
            campaign.MaxCallsPerSecond,
            trunk?.Id,
            trunk?.DialStringTemplate,
            callerIdNumber is null ? Anonymous : new CallerId(callerIdNumber.Name ?? campaign.Name, callerIdNumber.Number),
            questionnaire?.Id,
            questionnaire?.Definition,
            campaign.SafeHarborPrompt,
            campaign.Lists.Where(l => l.IsActive).OrderBy(l => l.Priority).Select(l => l.ContactListId).ToList());
    }
}
