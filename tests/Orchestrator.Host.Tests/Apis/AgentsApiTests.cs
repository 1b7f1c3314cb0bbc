using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Data;
using Orchestrator.Host.Tests.Infrastructure;

namespace Orchestrator.Host.Tests.Apis;

[Collection(ApiHostFixture.Collection)]
public sealed class AgentsApiTests(ApiHostFixture fixture)
{
    private RunningHost Host => fixture.Host;

    private Task<JsonElement> AgentAsync(long agentId) => Host.GetJsonAsync<JsonElement>($"api/agents/{agentId}");

    private static string? LiveState(JsonElement agent) =>
        agent.GetProperty("live").ValueKind == JsonValueKind.Null ? null : agent.GetProperty("live").GetProperty("state").GetString();

    [Fact]
    public async Task Login_TakesACall_AndTheDispositionIsRecordedThenTheAgentIsFreeAgain()
    {
        var agentId = fixture.TakeAgent();
        var (status, login) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/login", new { campaignId = fixture.DemoCampaignId });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture.DemoCampaignId, login.GetProperty("campaignId").GetInt64());

        var wrapUp = await Eventually.JsonAsync(
            async () => await AgentAsync(agentId) is var agent && LiveState(agent) == "WrapUp" ? agent : null,
            "the agent to take a call and wrap it up");
        var attempt = wrapUp.GetProperty("live").GetProperty("attempt").GetString()!;
        Assert.Equal(32, attempt.Length);
        var listed = await Host.GetJsonAsync<JsonElement>($"api/campaigns/{fixture.DemoCampaignId}/agents");
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("agentId").GetInt64() == agentId);

        var (submitted, after) = await Host.SendAsync(
            HttpMethod.Post,
            $"api/agents/{agentId}/disposition",
            new { attempt, code = "SALE", notes = "host test", answers = new Dictionary<string, string> { ["interested"] = "yes", ["plan"] = "plus" } });

        Assert.Equal(HttpStatusCode.OK, submitted);
        Assert.NotEqual("WrapUp", after.GetProperty("state").GetString());
        await using var db = await Host.Service<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync();
        var attemptId = Guid.ParseExact(attempt, "N");
        var disposition = await db.Dispositions.SingleAsync(d => d.AttemptId == attemptId);
        Assert.Equal("SALE", disposition.Code);
        Assert.Equal(agentId, disposition.AgentId);
        Assert.Equal(2, await db.AttemptAnswers.CountAsync(a => a.AttemptId == attemptId));

        var (again, problem) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/disposition", new { attempt, code = "SALE" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("is not wrapping up attempt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseAndResume_OnAQuietCampaign_AndPausingTwiceIsAConflict()
    {
        var agentId = fixture.TakeAgent();
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/login", new { campaignId = fixture.QuietCampaignId })).Status);
        await Eventually.TrueAsync(async () => LiveState(await AgentAsync(agentId)) == "Ready", "the agent's phone to answer");

        var (paused, pausedBody) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/pause");
        Assert.Equal(HttpStatusCode.OK, paused);
        Assert.Equal("Paused", pausedBody.GetProperty("state").GetString());

        var (twice, problem) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/pause");
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());

        var (resumed, resumedBody) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/resume");
        Assert.Equal(HttpStatusCode.OK, resumed);
        Assert.Equal("Ready", resumedBody.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Login_IntoASecondCampaign_IsAConflict_AndLogoutTwiceIsAConflict()
    {
        var agentId = fixture.TakeAgent();
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/login", new { campaignId = fixture.QuietCampaignId })).Status);

        var (conflict, problem) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/login", new { campaignId = fixture.DemoCampaignId });
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Contains("log out first", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (loggedOut, body) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/logout");
        Assert.Equal(HttpStatusCode.OK, loggedOut);
        Assert.Equal("LoggedOut", body.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/logout")).Status);
    }

    [Fact]
    public async Task UnknownAgentOrCampaign_IsNotFoundProblem()
    {
        var (unknownAgent, problem) = await Host.SendAsync(HttpMethod.Post, "api/agents/999999/login", new { campaignId = fixture.DemoCampaignId });
        Assert.Equal(HttpStatusCode.NotFound, unknownAgent);
        Assert.Equal("Agent 999999 does not exist.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Host.SendAsync(HttpMethod.Get, "api/agents/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.SendAsync(HttpMethod.Post, "api/agents/999999/pause")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.SendAsync(HttpMethod.Get, "api/campaigns/999999/agents")).Status);

        var (unknownCampaign, _) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{fixture.AgentIds[^1]}/login", new { campaignId = 999999 });
        Assert.Equal(HttpStatusCode.NotFound, unknownCampaign);
    }

    [Fact]
    public async Task MalformedBody_IsABadRequestProblem()
    {
        using var content = new StringContent("{ \"campaignId\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await Host.Http.PostAsync(new Uri($"api/agents/{fixture.AgentIds[^1]}/login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task BadInput_IsBadRequestWithFieldErrors()
    {
        var agentId = fixture.AgentIds[^1];
        var (noCampaign, problem) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/login", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noCampaign);
        Assert.True(problem.GetProperty("errors").TryGetProperty("campaignId", out _));

        // The last agent logs into the quiet campaign, so the disposition's own fields are what is checked.
        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/login", new { campaignId = fixture.QuietCampaignId })).Status);
        var (badDisposition, errors) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/disposition", new { attempt = "not-an-id", code = "SOLD", callbackAt = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, badDisposition);
        var fields = errors.GetProperty("errors");
        Assert.Contains("32 hex digits", fields.GetProperty("attempt")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("SALE, NOINT, CALLBK, WRONG, DNC", fields.GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("future", fields.GetProperty("callbackAt")[0].GetString(), StringComparison.Ordinal);

        var (callbackWithoutTime, callbackErrors) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/disposition", new { attempt = new string('a', 32), code = "CALLBK" });
        Assert.Equal(HttpStatusCode.BadRequest, callbackWithoutTime);
        Assert.Contains("needs a callback time", callbackErrors.GetProperty("errors").GetProperty("callbackAt")[0].GetString(), StringComparison.Ordinal);

        var (notWrapping, conflict) = await Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/disposition", new { attempt = new string('a', 32), code = "NOINT" });
        Assert.Equal(HttpStatusCode.Conflict, notWrapping);
        Assert.Contains("is not wrapping up", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
