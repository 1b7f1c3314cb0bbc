namespace Orchestrator.Data.Campaigns;

/// <summary>Where a campaign is in its life. Only a running campaign places calls.</summary>
public enum CampaignStatus
{
    /// <summary>Being set up; not scheduled.</summary>
    Draft = 0,

    /// <summary>Will start at its scheduled time.</summary>
    Scheduled,

    /// <summary>Placing calls.</summary>
    Running,

    /// <summary>Stopped for now by a manager or by a rule (abandon cap); resumes without losing state.</summary>
    Paused,

    /// <summary>Stopped by a manager or its schedule; may be started again.</summary>
    Stopped,

    /// <summary>No lead is left to call.</summary>
    Completed,
}
