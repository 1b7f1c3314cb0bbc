using System.Net;
using Orchestrator.Host.Tests.Infrastructure;
using Orchestrator.State;
using Orchestrator.TestSupport;

namespace Orchestrator.Host.Tests.Health;

[CollectionDefinition(RedisServerFixture.CollectionName)]
public sealed class RedisServerCollectionDefinition : ICollectionFixture<RedisServerFixture>;

/// <summary>The host on a real redis-server: the Redis state store is composed, pinged by readiness, used by the runtime.</summary>
[Collection(RedisServerFixture.CollectionName)]
public sealed class RedisStateHostTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Host_WithRedisState_IsReady_AndKeepsAgentsInRedis()
    {
        var host = await RunningHost.StartAsync(
        [
            "--State:Provider=Redis",
            $"--State:Redis:ConnectionString={redis.ConnectionString}",
            $"--State:Redis:KeyPrefix=host-tests-{Guid.NewGuid():N}:",
            "--Demo:Enabled=true",
            "--Demo:SimulateAgents=false",
            "--Demo:Leads=20",
            "--Demo:Agents=2",
        ]);
        try
        {
            var ready = await Eventually.JsonAsync(
                async () => await host.SendAsync(HttpMethod.Get, "health/ready") is (HttpStatusCode.OK, var body) ? body : null,
                "readiness on Redis");
            var state = ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "state");
            Assert.Equal("RedisStateStore answers", state.GetProperty("description").GetString());

            var seeded = await host.Service<Orchestrator.Host.Demo.DemoRun>().Seeded;
            Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Post, $"api/agents/{seeded.AgentIds[0]}/login", new { campaignId = seeded.CampaignId })).Status);
            var snapshot = await host.Service<IStateStore>().Agents.GetAsync(seeded.AgentIds[0], CancellationToken.None);
            Assert.NotNull(snapshot);
            Assert.Equal(seeded.CampaignId, snapshot.CampaignId);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
