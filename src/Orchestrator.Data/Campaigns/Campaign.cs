using Orchestrator.Core.Campaigns;
using Orchestrator.Data.Projects;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Campaigns;

/// <summary>A dialing run over one or more contact lists of a project, with its own pace and rules.</summary>
public sealed class Campaign : IVersioned
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DialMode DialMode { get; set; } = DialMode.Progressive;

    public CampaignStatus Status { get; set; } = CampaignStatus.Draft;

    /// <summary>When leads may be called, in each lead's time zone. Default: all day, every day.</summary>
    public CallingWindowSettings CallingWindow { get; set; } = CallingWindowSettings.AllDay;

    /// <summary>Abandoned calls as a share of answered calls the pacer must stay under. Default 3 (%).</summary>
    public double AbandonCapPercent { get; set; } = 3;

    /// <summary>Seconds an answered customer may wait for an agent before the safe-harbor message. Default 2.</summary>
    public int AbandonThresholdSeconds { get; set; } = 2;

    public int RingTimeoutSeconds { get; set; } = 25;

    /// <summary>Run answering-machine detection on answered calls (when the switch can).</summary>
    public bool DetectMachine { get; set; }

    /// <summary>Call only numbers with a granted consent record.</summary>
    public bool ConsentRequired { get; set; }

    public FrequencyCap FrequencyCap { get; set; } = FrequencyCap.Default;

    /// <summary>Upper bound of calls in progress per ready agent in predictive mode. Default 3.</summary>
    public double LinesPerAgent { get; set; } = 3;

    /// <summary>Originate rate limit for this campaign. Default 10.</summary>
    public int MaxCallsPerSecond { get; set; } = 10;

    public long? TrunkId { get; set; }

    public long? CallerIdPoolId { get; set; }

    public long? QuestionnaireId { get; set; }

    /// <summary>The prompt played to an answered customer no agent could take (switch-specific sound name).</summary>
    public string? SafeHarborPrompt { get; set; }

    public DateTimeOffset? StartAt { get; set; }

    public DateTimeOffset? StopAt { get; set; }

    /// <summary>Quartz cron expression that starts the campaign, evaluated in <see cref="ScheduleTimeZoneId"/>.</summary>
    public string? CronStart { get; set; }

    public string? CronStop { get; set; }

    /// <summary>IANA zone of the cron expressions; UTC when null.</summary>
    public string? ScheduleTimeZoneId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }

    public ICollection<CampaignList> Lists { get; } = new List<CampaignList>();
}
