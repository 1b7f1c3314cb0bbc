using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Data;
using Orchestrator.Data.Campaigns;
using Orchestrator.Host.Tests.Infrastructure;

namespace Orchestrator.Host.Tests.Apis;

[Collection(ApiHostFixture.Collection)]
public sealed class CampaignsApiTests(ApiHostFixture fixture)
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task List_ShowsEveryCampaign_WithTheLiveStatusOfTheRunningOne()
    {
        var campaigns = await Host.GetJsonAsync<JsonElement>("api/campaigns");

        var demo = campaigns.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == fixture.DemoCampaignId);
        Assert.Equal("Running", demo.GetProperty("status").GetString());
        Assert.Equal("Progressive", demo.GetProperty("dialMode").GetString());
        Assert.Contains(demo.GetProperty("live").GetProperty("state").GetString(), new[] { "Dialing", "Waiting" });
        Assert.Contains(campaigns.EnumerateArray(), c => c.GetProperty("id").GetInt64() == fixture.QuietCampaignId);
    }

    [Fact]
    public async Task Get_UnknownCampaign_IsNotFoundProblem()
    {
        var (status, problem) = await Host.SendAsync(HttpMethod.Get, "api/campaigns/999999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Campaign 999999 does not exist.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task StartAndStop_UnknownCampaign_AreNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Host.SendAsync(HttpMethod.Post, "api/campaigns/999999/start")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.SendAsync(HttpMethod.Post, "api/campaigns/999999/stop")).Status);
    }

    [Fact]
    public async Task QuietCampaign_StartThenStop_AndStoppingItAgainIsAConflict()
    {
        var id = fixture.QuietCampaignId;
        var (conflict, problem) = await Host.SendAsync(HttpMethod.Post, $"api/campaigns/{id}/stop");
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.StartsWith($"Campaign {id} is not running", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (started, view) = await Host.SendAsync(HttpMethod.Post, $"api/campaigns/{id}/start");
        Assert.Equal(HttpStatusCode.Accepted, started);
        Assert.Equal("Running", view.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, view.GetProperty("live").ValueKind);

        var (stopped, after) = await Host.SendAsync(HttpMethod.Post, $"api/campaigns/{id}/stop");
        Assert.Equal(HttpStatusCode.Accepted, stopped);
        Assert.Equal("Stopped", after.GetProperty("status").GetString());

        await Eventually.TrueAsync(
            async () => (await Host.GetJsonAsync<JsonElement>($"api/campaigns/{id}")).GetProperty("live").GetProperty("state").GetString() == "Stopped",
            "the quiet campaign's runner to stop");
        Assert.Equal(HttpStatusCode.Conflict, (await Host.SendAsync(HttpMethod.Post, $"api/campaigns/{id}/stop")).Status);
    }

    [Fact]
    public async Task Schedule_WithBadCronAndZone_IsBadRequestWithFieldErrors()
    {
        var (status, problem) = await Host.SendAsync(
            HttpMethod.Put,
            $"api/campaigns/{fixture.QuietCampaignId}/schedule",
            new { cronStart = "every morning", cronStop = "0 0 17 ? * MON-FRI", timeZoneId = "Mars/Olympus", startAt = DateTimeOffset.UtcNow.AddDays(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors");
        Assert.Contains("not a Quartz cron expression", errors.GetProperty("cronStart")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("IANA", errors.GetProperty("timeZoneId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("future", errors.GetProperty("startAt")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("cronStop", out _));
    }

    [Fact]
    public async Task Schedule_OneOffAndCron_AreStoredAndBecomeQuartzTriggers()
    {
        var id = fixture.QuietCampaignId;
        var startAt = DateTimeOffset.UtcNow.AddDays(2);
        var (status, view) = await Host.SendAsync(
            HttpMethod.Put,
            $"api/campaigns/{id}/schedule",
            new { startAt, stopAt = startAt.AddHours(8), cronStart = "0 0 9 ? * MON-FRI", cronStop = (string?)null, timeZoneId = "America/New_York" });

        Assert.Equal(HttpStatusCode.OK, status);
        var triggers = view.GetProperty("triggers").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t);
        Assert.Equal(["cron-start", "start-at", "stop-at"], triggers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("start", triggers["cron-start"].GetProperty("action").GetString());
        Assert.Equal("stop", triggers["stop-at"].GetProperty("action").GetString());
        Assert.Equal(startAt, triggers["start-at"].GetProperty("nextFireAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        var again = await Host.GetJsonAsync<JsonElement>($"api/campaigns/{id}/schedule");
        Assert.Equal("America/New_York", again.GetProperty("schedule").GetProperty("timeZoneId").GetString());
        Assert.Equal(3, again.GetProperty("triggers").GetArrayLength());

        var (cleared, empty) = await Host.SendAsync(HttpMethod.Put, $"api/campaigns/{id}/schedule", new { });
        Assert.Equal(HttpStatusCode.OK, cleared);
        Assert.Equal(0, empty.GetProperty("triggers").GetArrayLength());
    }

    [Fact]
    public async Task Schedule_StartAtAndStopAt_FireThroughQuartz_AndStartThenStopTheCampaign()
    {
        long id;
        await using (var db = await Host.Service<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync())
        {
            var projectId = await db.Campaigns.Where(c => c.Id == fixture.DemoCampaignId).Select(c => c.ProjectId).SingleAsync();
            var campaign = new Campaign { ProjectId = projectId, Name = "Scheduled (no leads)", Status = CampaignStatus.Scheduled, CreatedAt = DateTimeOffset.UtcNow };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            id = campaign.Id;
        }

        var startAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var (status, _) = await Host.SendAsync(HttpMethod.Put, $"api/campaigns/{id}/schedule", new { startAt, stopAt = startAt.AddSeconds(4) });
        Assert.Equal(HttpStatusCode.OK, status);

        await Eventually.TrueAsync(
            async () => (await Host.GetJsonAsync<JsonElement>($"api/campaigns/{id}")).GetProperty("status").GetString() == "Running",
            "the start-at trigger to start the campaign");
        await Eventually.TrueAsync(
            async () => (await Host.GetJsonAsync<JsonElement>($"api/campaigns/{id}")) is var view
                && view.GetProperty("status").GetString() == "Stopped"
                && view.GetProperty("live").GetProperty("state").GetString() == "Stopped",
            "the stop-at trigger to stop it");
        Assert.Equal(0, (await Host.GetJsonAsync<JsonElement>($"api/campaigns/{id}/schedule")).GetProperty("triggers").GetArrayLength());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAreas()
    {
        var document = await Host.GetJsonAsync<JsonElement>("openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/campaigns/{campaignId}/start", out var start));
        Assert.Equal("StartCampaign", start.GetProperty("post").GetProperty("operationId").GetString());
        Assert.Equal("Campaigns", start.GetProperty("post").GetProperty("tags")[0].GetString());
        Assert.True(paths.TryGetProperty("/api/agents/{agentId}/disposition", out _));
        Assert.True(paths.TryGetProperty("/api/campaigns/{campaignId}/agents", out _));
    }
}
