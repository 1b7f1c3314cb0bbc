using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Core.Campaigns;
using Orchestrator.Core.Dispositions;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Seeding;
using Xunit.Abstractions;

namespace Orchestrator.Data.Tests.Seeding;

public sealed class DemoSeederTests(ITestOutputHelper output)
{
    private readonly FakeTimeProvider _time = new(TestData.Now);

    [Fact]
    public async Task EnsureSeeded_WithDefaults_CreatesTheDemo()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var options = new DemoSeedOptions();

        var stopwatch = Stopwatch.StartNew();
        var result = await DemoSeeder.EnsureSeededAsync(db, _time, options, CancellationToken.None);
        output.WriteLine($"Seeded {options.LeadCount} leads in {stopwatch.ElapsedMilliseconds} ms.");

        Assert.True(result.Created);
        Assert.Equal(10, result.AgentIds.Count);
        Assert.Equal(2_000, await db.Leads.CountAsync(l => l.ContactListId == result.ContactListId));
        var numbers = await db.LeadPhones.Select(p => p.Number).ToListAsync();
        Assert.InRange(numbers.Count, 2_000, 4_000);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"^\+1555\d{7}$", n));
        Assert.Equal(0, await db.Leads.CountAsync(l => !l.Phones.Any() || l.Phones.Count > 2));
        Assert.True(await db.Leads.Select(l => l.TimeZoneId).Distinct().CountAsync() > 1);

        var agents = await db.Agents.Include(a => a.Skills).OrderBy(a => a.Login).ToListAsync();
        Assert.Equal("agent2001", agents[0].Login);
        Assert.Equal("Local/2001@sim-agents", agents[0].Endpoint);
        Assert.Equal("agent2010", agents[^1].Login);
        Assert.All(agents, a => Assert.NotEmpty(a.Skills));

        var definitions = await db.DispositionDefinitions.Where(d => d.ProjectId == result.ProjectId).ToListAsync();
        Assert.Equal(SystemDisposition.All.Count + 5, definitions.Count);
        Assert.Equal(SystemDisposition.All.Count, definitions.Count(d => d.IsSystem));
        var callback = Assert.Single(definitions, d => d.Code == "CALLBK");
        Assert.True(callback.RequiresCallbackTime);
        Assert.Equal(DispositionOutcome.OptOut, Assert.Single(definitions, d => d.Code == "DNC").Outcome);

        var campaign = await db.Campaigns.Include(c => c.Lists).SingleAsync(c => c.Id == result.CampaignId);
        Assert.Equal(DialMode.Progressive, campaign.DialMode);
        Assert.Equal(CampaignStatus.Running, campaign.Status);
        Assert.True(campaign.CallingWindow.IsAllDay);
        Assert.Equal(3, campaign.AbandonCapPercent);
        Assert.Equal(2, campaign.AbandonThresholdSeconds);
        Assert.Equal(25, campaign.RingTimeoutSeconds);
        Assert.Equal(result.ContactListId, Assert.Single(campaign.Lists).ContactListId);
        Assert.NotNull(campaign.TrunkId);
        Assert.Equal("Local/{digits}@sim-customers", (await db.Trunks.SingleAsync(t => t.Id == campaign.TrunkId)).DialStringTemplate);
        Assert.Equal(2, await db.CallerIdNumbers.CountAsync(n => n.PoolId == campaign.CallerIdPoolId));

        var version = await db.QuestionnaireVersions.SingleAsync(v => v.QuestionnaireId == campaign.QuestionnaireId);
        Assert.NotNull(version.PublishedAt);
        using var definition = System.Text.Json.JsonDocument.Parse(version.Definition);
        Assert.Equal(3, definition.RootElement.GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public async Task EnsureSeeded_RunTwice_AddsNothingTheSecondTime()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var options = new DemoSeedOptions { LeadCount = 120, AgentCount = 3, BatchSize = 50 };
        DemoSeedResult first;
        await using (var db = database.CreateContext())
        {
            first = await DemoSeeder.EnsureSeededAsync(db, _time, options, CancellationToken.None);
        }

        var before = await CountRowsAsync(database);
        await using (var db = database.CreateContext())
        {
            var second = await DemoSeeder.EnsureSeededAsync(db, _time, options, CancellationToken.None);

            Assert.False(second.Created);
            Assert.Equal(first.ProjectId, second.ProjectId);
            Assert.Equal(first.CampaignId, second.CampaignId);
            Assert.Equal(first.ContactListId, second.ContactListId);
            Assert.Equal(first.AgentIds, second.AgentIds);
        }

        Assert.Equal(before, await CountRowsAsync(database));
        Assert.Equal(120L, before["Leads"]);
        Assert.Equal(3L, before["Agents"]);
    }

    [Fact]
    public async Task EnsureSeeded_WithTheSameSeed_MakesTheSameLeads()
    {
        var options = new DemoSeedOptions { LeadCount = 50, AgentCount = 1 };
        await using var one = await SqliteTestDatabase.CreateMigratedAsync();
        await using var two = await SqliteTestDatabase.CreateMigratedAsync();

        Assert.Equal(await SeedAndListAsync(one), await SeedAndListAsync(two));

        async Task<List<string>> SeedAndListAsync(SqliteTestDatabase database)
        {
            await using var db = database.CreateContext();
            await DemoSeeder.EnsureSeededAsync(db, _time, options, CancellationToken.None);
            return await db.LeadPhones.OrderBy(p => p.Id).Select(p => p.Lead!.FirstName + " " + p.Lead.LastName + " " + p.Number).ToListAsync();
        }
    }

    private static async Task<Dictionary<string, long>> CountRowsAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateContext();
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct())
        {
            counts[table] = (long)(await database.ScalarAsync($"SELECT COUNT(*) FROM \"{table}\""))!;
        }

        return counts;
    }
}
