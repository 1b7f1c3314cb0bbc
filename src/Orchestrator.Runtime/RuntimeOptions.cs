using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Runtime;

/// <summary>How the campaign runtime paces itself. Defaults suit one instance with tens of agents.</summary>
public sealed class RuntimeOptions
{
    /// <summary>How often the pacer decides when nothing else wakes it. Default 250 ms.</summary>
    public TimeSpan PacerTick { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a campaign's pacer lease lasts without renewal. Default 15 s.</summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Leads kept in each campaign's hopper ahead of the pacer. Default 50 (1–10,000).</summary>
    [Range(1, 10_000)]
    public int HopperTarget { get; set; } = 50;

    /// <summary>How long an agent's phone may ring for the nailed-up leg. Default 30 s.</summary>
    public TimeSpan AgentRingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before calling an agent's phone again after the leg dropped. Default 5 s.</summary>
    public TimeSpan AgentLegRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>This instance's name in leases and logs. Default: machine name and process id.</summary>
    [Required(AllowEmptyStrings = false)]
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Campaigns with status Running in the database are started when the host starts. Default true.</summary>
    public bool StartRunningCampaigns { get; set; } = true;
}
