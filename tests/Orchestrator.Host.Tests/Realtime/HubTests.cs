using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Host.Tests.Infrastructure;

namespace Orchestrator.Host.Tests.Realtime;

[Collection(ApiHostFixture.Collection)]
public sealed class HubTests(ApiHostFixture fixture)
{
    private HubConnection Connect(string path) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Host.BaseAddress, path))
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    [Fact]
    public async Task Wallboard_ReceivesEveryCampaignsStatus_AboutOnceASecond_AndASnapshotOnRequest()
    {
        await using var connection = Connect("hubs/wallboard");
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("Campaigns", statuses => pushes.Writer.TryWrite(statuses));
        await connection.StartAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonElement demo;
        do
        {
            var statuses = await pushes.Reader.ReadAsync(timeout.Token);
            demo = statuses.EnumerateArray().FirstOrDefault(s => s.GetProperty("campaignId").GetInt64() == fixture.DemoCampaignId);
        }
        while (demo.ValueKind == JsonValueKind.Undefined);

        Assert.Equal("Demo progressive", demo.GetProperty("name").GetString());
        Assert.Contains(demo.GetProperty("state").GetString(), new[] { "Dialing", "Waiting" });
        Assert.Equal(3, demo.GetProperty("abandonCapPercent").GetDouble());
        Assert.Equal(JsonValueKind.Object, demo.GetProperty("counters").ValueKind);

        var snapshot = await connection.InvokeAsync<JsonElement>("Snapshot", timeout.Token);
        Assert.Contains(snapshot.GetProperty("campaigns").EnumerateArray(), c => c.GetProperty("campaignId").GetInt64() == fixture.DemoCampaignId);
        Assert.Equal(JsonValueKind.Array, snapshot.GetProperty("agents").ValueKind);
    }

    [Fact]
    public async Task AgentScreen_ReceivesItsAgentsChanges_AndTheScreenPopOfItsCall()
    {
        var agentId = fixture.TakeAgent();
        await using var screen = Connect("hubs/agent");
        var pops = Channel.CreateUnbounded<JsonElement>();
        var changes = Channel.CreateUnbounded<JsonElement>();
        screen.On<JsonElement>("ScreenPop", pop => pops.Writer.TryWrite(pop));
        screen.On<JsonElement>("Agent", agent => changes.Writer.TryWrite(agent));
        await screen.StartAsync();
        await screen.InvokeAsync<JsonElement?>("Join", agentId);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/login", new { campaignId = fixture.DemoCampaignId })).Status);

        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        var pop = await pops.Reader.ReadAsync(timeout.Token);
        Assert.Equal(agentId, pop.GetProperty("agentId").GetInt64());
        Assert.Equal(fixture.DemoCampaignId, pop.GetProperty("campaignId").GetInt64());
        Assert.Equal(32, pop.GetProperty("attempt").GetString()!.Length);
        Assert.StartsWith("+1555", pop.GetProperty("phoneNumber").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(pop.GetProperty("leadName").GetString()));
        Assert.Contains("interested", pop.GetProperty("questionnaireDefinition").GetString(), StringComparison.Ordinal);

        var states = new List<string>();
        while (changes.Reader.TryRead(out var change))
        {
            Assert.Equal(agentId, change.GetProperty("agentId").GetInt64());
            states.Add(change.GetProperty("state").GetString()!);
        }

        Assert.Contains("Connecting", states);
    }
}
