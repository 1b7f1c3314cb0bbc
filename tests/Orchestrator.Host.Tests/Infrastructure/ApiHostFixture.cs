using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Data;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Seeding;
using Orchestrator.Host.Demo;

namespace Orchestrator.Host.Tests.Infrastructure;

/// <summary>
/// One real host for the API, hub and page tests: the demo seeded (a running progressive campaign, 300 leads, 8 agents)
/// but no simulated agents, so each test logs in and drives its own agent; plus a second, quiet campaign without
/// leads, where a logged-in agent stays Ready.
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public const string Collection = "api-host";

    private int _nextAgent;
    private RunningHost? _host;

    public RunningHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public long DemoCampaignId { get; private set; }

    public long QuietCampaignId { get; private set; }

    public IReadOnlyList<long> AgentIds { get; private set; } = [];

    /// <summary>An agent no other test uses (the last one is kept for the input checks).</summary>
    public long TakeAgent()
    {
        var index = Interlocked.Increment(ref _nextAgent) - 1;
        return index < AgentIds.Count - 1 ? AgentIds[index] : throw new InvalidOperationException("Seed more demo agents: every one is taken.");
    }

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(
            ["--Demo:Enabled=true", "--Demo:SimulateAgents=false", "--Demo:Leads=300", "--Demo:Agents=8"],
            builder => builder.Services.AddSingleton(new DemoSummaryOutput(TextWriter.Null)));
        var seeded = await Host.Service<DemoRun>().Seeded;
        DemoCampaignId = seeded.CampaignId;
        AgentIds = seeded.AgentIds;

        await using var db = await Host.Service<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync();
        var quiet = new Campaign
        {
            ProjectId = seeded.ProjectId,
            Name = "Quiet (no leads)",
            Status = CampaignStatus.Draft,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Campaigns.Add(quiet);
        await db.SaveChangesAsync();
        QuietCampaignId = quiet.Id;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(ApiHostFixture.Collection)]
public sealed class ApiHostCollectionDefinition : ICollectionFixture<ApiHostFixture>;
