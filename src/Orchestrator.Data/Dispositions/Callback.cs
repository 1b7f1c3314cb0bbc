using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Dispositions;

/// <summary>An agreed time to call a lead again, for one agent or for anyone on the campaign.</summary>
public sealed class Callback : IVersioned
{
    public long Id { get; set; }

    public long LeadId { get; set; }

    public long CampaignId { get; set; }

    /// <summary>The agent who must take it; null for a shared callback.</summary>
    public long? AgentId { get; set; }

    /// <summary>The agreed instant (UTC).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The zone the time was agreed in, to show it back as the lead said it.</summary>
    public required string TimeZoneId { get; set; }

    public CallbackStatus Status { get; set; } = CallbackStatus.Pending;

    public Guid? CreatedByAttemptId { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public long Version { get; set; }
}
