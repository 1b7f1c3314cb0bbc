namespace Orchestrator.Data.Seeding;

/// <summary>What <see cref="DemoSeeder"/> creates.</summary>
public sealed record DemoSeedOptions
{
    /// <summary>The project's name; seeding is skipped when a project of this name exists. Default <c>Demo</c>.</summary>
    public string ProjectName { get; init; } = "Demo";

    /// <summary>Leads in the demo list, 0 to 1,000,000. Default 2,000.</summary>
    public int LeadCount { get; init; } = 2_000;

    /// <summary>Agents, 1 to 7,999 (logins <c>agent2001</c>, <c>agent2002</c>, …). Default 10.</summary>
    public int AgentCount { get; init; } = 10;

    /// <summary>Seed of the name and number generator: the same seed gives the same leads. Default 2001.</summary>
    public int Seed { get; init; } = 2001;

    /// <summary>Leads saved per round trip, 1 to 10,000. Default 500.</summary>
    public int BatchSize { get; init; } = 500;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ProjectName);
        ArgumentOutOfRangeException.ThrowIfNegative(LeadCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LeadCount, 1_000_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(AgentCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AgentCount, 7_999);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BatchSize, 10_000);
    }
}
