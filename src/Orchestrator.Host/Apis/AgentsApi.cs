using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;
using Orchestrator.Data;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Campaigns;

namespace Orchestrator.Host.Apis;

/// <summary>An agent as the API shows it: who they are and, once logged in on this instance, their live status.</summary>
public sealed record AgentView(long Id, string Login, string DisplayName, string Endpoint, bool IsActive, AgentStatus? Live);

/// <param name="CampaignId">The campaign to take calls for.</param>
public sealed record LoginRequest(long? CampaignId);

/// <summary>The agent's disposition of the call they are wrapping up.</summary>
/// <param name="Attempt">The attempt id (32 hex digits) from the screen pop or the agent's status.</param>
/// <param name="Code">A disposition code of the campaign's project, e.g. SALE.</param>
/// <param name="CallbackAt">For callback codes: when to call back (in the future).</param>
/// <param name="CallbackIsPersonal">The same agent calls back (otherwise any agent).</param>
/// <param name="Notes">Free text kept with the disposition.</param>
/// <param name="Answers">Questionnaire answers by question key.</param>
public sealed record DispositionRequest(
    string? Attempt,
    string? Code,
    DateTimeOffset? CallbackAt = null,
    bool CallbackIsPersonal = false,
    string? Notes = null,
    Dictionary<string, string>? Answers = null);

/// <summary><c>/api/agents</c>: agents' sessions — login, logout, pause, resume, disposition — and who is on which campaign.</summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/campaigns/{campaignId:long}/agents", ListByCampaignAsync)
            .WithTags("Agents")
            .WithName("ListCampaignAgents")
            .WithSummary("The agents logged into a campaign, as the wallboard shows them")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var api = endpoints.MapGroup("/api/agents").WithTags("Agents");

        api.MapGet("/", ListAsync)
            .WithName("ListAgents")
            .WithSummary("Every agent, with their live status when logged in on this instance");

        api.MapGet("/{agentId:long}", GetAsync)
            .WithName("GetAgent")
            .WithSummary("One agent")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{agentId:long}/login", LoginAsync)
            .WithName("LoginAgent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Log the agent into a campaign; their phone is called for the nailed-up leg")
            .WithDescription("409 when the agent is logged into another campaign.");

        api.MapPost("/{agentId:long}/logout", (long agentId, OrchestratorDbContext db, IAgentDesk desk, CancellationToken ct) =>
                ActAsync(agentId, db, desk, d => d.LogoutAsync(agentId, ct), ct))
            .WithName("LogoutAgent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Hang up the agent's leg and log out");

        api.MapPost("/{agentId:long}/pause", (long agentId, OrchestratorDbContext db, IAgentDesk desk, CancellationToken ct) =>
                ActAsync(agentId, db, desk, d => d.PauseAsync(agentId, ct), ct))
            .WithName("PauseAgent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Take a break: the agent receives no calls")
            .WithDescription("409 when the agent is not ready (on a call, in wrap-up, not logged in).");

        api.MapPost("/{agentId:long}/resume", (long agentId, OrchestratorDbContext db, IAgentDesk desk, CancellationToken ct) =>
                ActAsync(agentId, db, desk, d => d.ResumeAsync(agentId, ct), ct))
            .WithName("ResumeAgent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("End the break: the agent is ready again");

        api.MapPost("/{agentId:long}/disposition", DispositionAsync)
            .WithName("SubmitDisposition")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record how the wrapped-up call went; the lead's next step follows and the agent is ready again")
            .WithDescription("400 with field errors for a bad attempt id, an unknown code or a missing callback time; 409 when the agent is not wrapping up that attempt.");

        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<AgentStatus>>, ProblemHttpResult>> ListByCampaignAsync(
        long campaignId, OrchestratorDbContext db, IAgentDesk desk, CancellationToken cancellationToken) =>
        await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken)
            ? TypedResults.Ok(desk.GetAgents(campaignId))
            : Problems.NotFound($"Campaign {campaignId} does not exist.");

    private static async Task<Ok<List<AgentView>>> ListAsync(OrchestratorDbContext db, IAgentDesk desk, CancellationToken cancellationToken)
    {
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(agents.Select(a => new AgentView(a.Id, a.Login, a.DisplayName, a.Endpoint, a.IsActive, desk.GetAgent(a.Id))).ToList());
    }

    private static async Task<Results<Ok<AgentView>, ProblemHttpResult>> GetAsync(long agentId, OrchestratorDbContext db, IAgentDesk desk, CancellationToken cancellationToken)
    {
        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        return agent is null
            ? UnknownAgent(agentId)
            : TypedResults.Ok(new AgentView(agent.Id, agent.Login, agent.DisplayName, agent.Endpoint, agent.IsActive, desk.GetAgent(agent.Id)));
    }

    private static async Task<Results<Ok<AgentStatus>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        long agentId, LoginRequest request, OrchestratorDbContext db, IAgentDesk desk, CancellationToken cancellationToken)
    {
        if (request.CampaignId is not { } campaignId || campaignId <= 0)
        {
            return Problems.Invalid("campaignId", "Give the id of the campaign to log into, e.g. {\"campaignId\": 1}.");
        }

        if (!await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken))
        {
            return UnknownAgent(agentId);
        }

        try
        {
            await desk.LoginAsync(agentId, campaignId, cancellationToken);
        }
        catch (AgentNotFoundException error)
        {
            return Problems.Conflict(error.Message);
        }
        catch (CampaignNotFoundException error)
        {
            return Problems.NotFound(error.Message);
        }
        catch (InvalidOperationException error)
        {
            return Problems.Conflict(error.Message);
        }

        return TypedResults.Ok(desk.GetAgent(agentId)!);
    }

    private static async Task<Results<Ok<AgentStatus>, ProblemHttpResult>> ActAsync(
        long agentId, OrchestratorDbContext db, IAgentDesk desk, Func<IAgentDesk, Task> action, CancellationToken cancellationToken)
    {
        if (!await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken))
        {
            return UnknownAgent(agentId);
        }

        try
        {
            await action(desk);
        }
        catch (AgentNotFoundException error)
        {
            return Problems.Conflict(error.Message);
        }
        catch (InvalidOperationException error)
        {
            return Problems.Conflict(error.Message);
        }

        return TypedResults.Ok(desk.GetAgent(agentId)!);
    }

    private static async Task<Results<Ok<AgentStatus>, ValidationProblem, ProblemHttpResult>> DispositionAsync(
        long agentId, DispositionRequest request, OrchestratorDbContext db, IAgentDesk desk, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new List<KeyValuePair<string, string>>();
        if (!AttemptId.TryParse(request.Attempt, out var attempt))
        {
            errors.Add(new("attempt", "Give the attempt id of the call being wrapped up: 32 hex digits, as in the screen pop."));
        }

        if (string.IsNullOrWhiteSpace(request.Code))
        {
            errors.Add(new("code", "Give a disposition code, e.g. SALE."));
        }

        if (!await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken))
        {
            return UnknownAgent(agentId);
        }

        var status = desk.GetAgent(agentId);
        if (status is null || status.State == AgentState.LoggedOut)
        {
            return Problems.Conflict($"Agent {agentId} is not logged in.");
        }

        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == status.CampaignId)
            .Select(c => new { c.ProjectId, c.QuestionnaireId })
            .SingleAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            var codes = await db.DispositionDefinitions.AsNoTracking()
                .Where(d => d.ProjectId == campaign.ProjectId && d.IsActive && !d.IsSystem)
                .OrderBy(d => d.SortOrder)
                .Select(d => new { d.Code, d.RequiresCallbackTime })
                .ToListAsync(cancellationToken);
            var code = codes.FirstOrDefault(d => string.Equals(d.Code, request.Code.Trim(), StringComparison.Ordinal));
            if (code is null)
            {
                errors.Add(new("code", $"'{request.Code}' is not a disposition code of this campaign; use one of {string.Join(", ", codes.Select(d => d.Code))}."));
            }
            else if (code.RequiresCallbackTime && request.CallbackAt is null)
            {
                errors.Add(new("callbackAt", $"{code.Code} needs a callback time, e.g. tomorrow at 10:00 in the lead's time zone."));
            }
        }

        if (request.CallbackAt is { } callbackAt && callbackAt <= time.GetUtcNow())
        {
            errors.Add(new("callbackAt", "The callback time must be in the future."));
        }

        if (request.Answers is { Count: > 0 } && campaign.QuestionnaireId is null)
        {
            errors.Add(new("answers", "The campaign has no questionnaire; send no answers."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (status.State != AgentState.WrapUp || status.Attempt != attempt)
        {
            return Problems.Conflict($"Agent {agentId} is not wrapping up attempt {attempt} (state {status.State}{(status.Attempt is { } current ? $", attempt {current}" : "")}).");
        }

        try
        {
            await desk.SubmitDispositionAsync(
                agentId,
                attempt,
                new DispositionSubmission(request.Code!.Trim(), request.CallbackAt, request.CallbackIsPersonal, request.Notes, request.Answers),
                cancellationToken);
        }
        catch (Exception error) when (error is DispositionRejectedException or AgentNotFoundException)
        {
            return Problems.Conflict(error.Message);
        }

        return TypedResults.Ok(desk.GetAgent(agentId)!);
    }

    private static ProblemHttpResult UnknownAgent(long agentId) => Problems.NotFound($"Agent {agentId} does not exist.");
}
