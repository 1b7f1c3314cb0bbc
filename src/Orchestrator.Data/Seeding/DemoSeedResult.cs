namespace Orchestrator.Data.Seeding;

/// <summary>The demo's records.</summary>
/// <param name="Created">False when the demo project already existed and nothing was added.</param>
public sealed record DemoSeedResult(
    bool Created,
    long ProjectId,
    long CampaignId,
    long ContactListId,
    IReadOnlyList<long> AgentIds);
