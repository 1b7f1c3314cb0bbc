namespace Orchestrator.Runtime.Campaigns;

/// <summary>Starts, stops and reports on campaigns. What the API, the scheduler and the wallboard use.</summary>
public interface ICampaignRuntime
{
    /// <summary>Starts dialing the campaign (idempotent). Throws <see cref="CampaignNotFoundException"/> for an unknown id.</summary>
    Task StartCampaignAsync(long campaignId, CancellationToken cancellationToken);

    /// <summary>Stops placing new calls; calls in progress finish normally (idempotent).</summary>
    Task StopCampaignAsync(long campaignId, CancellationToken cancellationToken);

    /// <summary>Live status of every campaign this instance runs or has run since it started.</summary>
    IReadOnlyList<CampaignStatus> GetStatuses();

    CampaignStatus? GetStatus(long campaignId);
}

/// <summary>The campaign id names no campaign.</summary>
public sealed class CampaignNotFoundException(long campaignId) : Exception($"Campaign {campaignId} does not exist.")
{
    public long CampaignId { get; } = campaignId;
}
