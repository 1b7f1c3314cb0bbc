using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Agents;
using Orchestrator.Runtime.Calls;
using Orchestrator.Runtime.Observability;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>The runner's reporting: its live status and the agent's screen pop.</summary>
internal sealed partial class CampaignRunner
{
    private async Task PublishStatusAsync(CancellationToken token)
    {
        var state = _stopping ? CampaignRunState.Stopping : _waitingReason is null ? CampaignRunState.Dialing : CampaignRunState.Waiting;
        _status = await BuildStatusAsync(state, _waitingReason, token);
    }

    private async Task<CampaignStatus> BuildStatusAsync(CampaignRunState state, string? reason, CancellationToken token)
    {
        var counters = await _services.State.Counters.GetAsync(CampaignId, token);
        var agents = await _services.State.Agents.ListAsync(CampaignId, token);
        var hopper = await _services.State.Hoppers.CountAsync(CampaignId, token);
        var humans = counters.GetValueOrDefault(RuntimeCounters.Humans);
        var abandons = counters.GetValueOrDefault(RuntimeCounters.Abandons);
        return new CampaignStatus(
            CampaignId,
            _settings.Name,
            _settings.Mode,
            state,
            reason,
            counters,
            agents.Count(a => a.State == AgentState.Ready),
            agents.Count(a => a.State is AgentState.Reserved or AgentState.OnCall or AgentState.WrapUp),
            agents.Count(a => a.State == AgentState.Paused),
            _calls.Values.Count(c => c.MayNeedAgent),
            hopper,
            humans == 0 ? 0 : 100.0 * abandons / humans,
            _settings.AbandonCapPercent,
            StartedAt);
    }

    private CampaignStatus EmptyStatus(CampaignRunState state, string? reason) =>
        new(CampaignId, _settings.Name, _settings.Mode, state, reason, new Dictionary<string, long>(), 0, 0, 0, 0, 0, 0, _settings.AbandonCapPercent, null);

    private async Task ScreenPopAsync(LiveCall call, long agentId, CancellationToken token)
    {
        await using var db = await _services.Databases.CreateDbContextAsync(token);
        var lead = await db.Leads.AsNoTracking()
            .Where(l => l.Id == call.LeadId)
            .Select(l => new { l.FirstName, l.LastName, l.CustomFields })
            .SingleOrDefaultAsync(token);
        if (lead is null)
        {
            return;
        }

        _services.Observer.ScreenPop(new ScreenPop(
            agentId,
            call.Attempt.ToString(),
            CampaignId,
            call.LeadId,
            call.PhoneNumber,
            $"{lead.FirstName} {lead.LastName}",
            lead.CustomFields,
            _settings.QuestionnaireVersionId,
            _settings.QuestionnaireDefinition));
    }
}
