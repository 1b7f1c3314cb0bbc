using Orchestrator.Runtime.Campaigns;
using Quartz;

namespace Orchestrator.Host.Scheduling;

/// <summary>Starts the campaign named by the trigger's <c>campaignId</c>.</summary>
[DisallowConcurrentExecution]
internal sealed class StartCampaignJob(ICampaignRuntime runtime, ILogger<StartCampaignJob> logger) : IJob
{
    public static readonly JobKey Key = new("start-campaign", CampaignScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var campaignId = context.MergedJobDataMap.GetLong(CampaignScheduler.CampaignIdKey);
        try
        {
            await runtime.StartCampaignAsync(campaignId, cancellationToken);
            HostLog.ScheduledAction(logger, "start", campaignId);
        }
        catch (CampaignNotFoundException error)
        {
            HostLog.ScheduledActionFailed(logger, "start", campaignId, error.Message);
        }
    }
}

/// <summary>Stops the campaign named by the trigger's <c>campaignId</c> (calls in progress finish).</summary>
[DisallowConcurrentExecution]
internal sealed class StopCampaignJob(ICampaignRuntime runtime, ILogger<StopCampaignJob> logger) : IJob
{
    public static readonly JobKey Key = new("stop-campaign", CampaignScheduler.JobGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var campaignId = context.MergedJobDataMap.GetLong(CampaignScheduler.CampaignIdKey);
        try
        {
            await runtime.StopCampaignAsync(campaignId, cancellationToken);
            HostLog.ScheduledAction(logger, "stop", campaignId);
        }
        catch (CampaignNotFoundException error)
        {
            HostLog.ScheduledActionFailed(logger, "stop", campaignId, error.Message);
        }
    }
}
