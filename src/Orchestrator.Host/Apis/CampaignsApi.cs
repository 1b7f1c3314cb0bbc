using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Data;
using Orchestrator.Host.Scheduling;
using Orchestrator.Runtime.Campaigns;
using DataCampaignStatus = Orchestrator.Data.Campaigns.CampaignStatus;

namespace Orchestrator.Host.Apis;

/// <summary>A campaign as the API shows it: its stored status and, when this instance runs it, its live status.</summary>
public sealed record CampaignView(long Id, string Name, string DialMode, DataCampaignStatus Status, CampaignStatus? Live);

/// <summary><c>/api/campaigns</c>: statuses, start, stop and schedule.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/campaigns").WithTags("Campaigns");

        api.MapGet("/", ListAsync)
            .WithName("ListCampaigns")
            .WithSummary("Every campaign, with its live status when this instance runs it");

        api.MapGet("/{campaignId:long}", GetAsync)
            .WithName("GetCampaign")
            .WithSummary("One campaign and its live counters")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{campaignId:long}/start", StartAsync)
            .WithName("StartCampaign")
            .WithSummary("Start dialing (idempotent)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("409 while the campaign is still stopping: wait until its live state is Stopped.");

        api.MapPost("/{campaignId:long}/stop", StopAsync)
            .WithName("StopCampaign")
            .WithSummary("Stop placing calls; calls in progress finish")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("409 when the campaign is not running.");

        api.MapGet("/{campaignId:long}/schedule", GetScheduleAsync)
            .WithName("GetCampaignSchedule")
            .WithSummary("The campaign's schedule and the next fire time of each trigger")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{campaignId:long}/schedule", ScheduleAsync)
            .WithName("ScheduleCampaign")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace the campaign's schedule (one-off start/stop, cron start/stop) and reschedule it")
            .WithDescription("Cron expressions are Quartz's (seconds first: '0 0 9 ? * MON-FRI'), evaluated in timeZoneId (UTC when omitted). Send nulls to clear.");

        return api;
    }

    private static async Task<Ok<List<CampaignView>>> ListAsync(OrchestratorDbContext db, ICampaignRuntime runtime, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.DialMode, c.Status })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(campaigns.Select(c => new CampaignView(c.Id, c.Name, c.DialMode.ToString(), c.Status, runtime.GetStatus(c.Id))).ToList());
    }

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> GetAsync(long campaignId, OrchestratorDbContext db, ICampaignRuntime runtime, CancellationToken cancellationToken) =>
        await ViewAsync(db, runtime, campaignId, cancellationToken) is { } view ? TypedResults.Ok(view) : UnknownCampaign(campaignId);

    private static async Task<Results<Accepted<CampaignView>, ProblemHttpResult>> StartAsync(long campaignId, OrchestratorDbContext db, ICampaignRuntime runtime, CancellationToken cancellationToken)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
        {
            return UnknownCampaign(campaignId);
        }

        if (runtime.GetStatus(campaignId) is { State: CampaignRunState.Stopping })
        {
            return Problems.Conflict($"Campaign {campaignId} is stopping: its calls in progress are ending. Start it again once its live state is Stopped.");
        }

        await runtime.StartCampaignAsync(campaignId, cancellationToken);
        return TypedResults.Accepted($"/api/campaigns/{campaignId}", await ViewAsync(db, runtime, campaignId, cancellationToken));
    }

    private static async Task<Results<Accepted<CampaignView>, ProblemHttpResult>> StopAsync(long campaignId, OrchestratorDbContext db, ICampaignRuntime runtime, CancellationToken cancellationToken)
    {
        var stored = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => (DataCampaignStatus?)c.Status).SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return UnknownCampaign(campaignId);
        }

        var live = runtime.GetStatus(campaignId);
        var runsHere = live is { State: CampaignRunState.Dialing or CampaignRunState.Waiting };
        if (stored != DataCampaignStatus.Running && !runsHere)
        {
            return Problems.Conflict($"Campaign {campaignId} is not running (status {stored}{(live is null ? "" : $", live state {live.State}")}).");
        }

        await runtime.StopCampaignAsync(campaignId, cancellationToken);
        return TypedResults.Accepted($"/api/campaigns/{campaignId}", await ViewAsync(db, runtime, campaignId, cancellationToken));
    }

    private static async Task<Results<Ok<CampaignScheduleView>, ProblemHttpResult>> GetScheduleAsync(long campaignId, OrchestratorDbContext db, CampaignScheduler scheduler, CancellationToken cancellationToken)
    {
        var spec = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new CampaignScheduleSpec(c.StartAt, c.StopAt, c.CronStart, c.CronStop, c.ScheduleTimeZoneId))
            .SingleOrDefaultAsync(cancellationToken);
        return spec is null
            ? UnknownCampaign(campaignId)
            : TypedResults.Ok(new CampaignScheduleView(campaignId, spec, await scheduler.GetTriggersAsync(campaignId, cancellationToken)));
    }

    private static async Task<Results<Ok<CampaignScheduleView>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        long campaignId, CampaignScheduleSpec schedule, OrchestratorDbContext db, CampaignScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null)
        {
            return UnknownCampaign(campaignId);
        }

        var spec = schedule with
        {
            CronStart = Blank(schedule.CronStart),
            CronStop = Blank(schedule.CronStop),
            TimeZoneId = Blank(schedule.TimeZoneId),
        };
        var errors = CampaignScheduler.Problems(spec).ToList();
        var now = time.GetUtcNow();
        if (spec.StartAt is { } startAt && startAt <= now)
        {
            errors.Add(new("startAt", "startAt must be in the future; send null to clear it."));
        }

        if (spec.StopAt is { } stopAt && stopAt <= now)
        {
            errors.Add(new("stopAt", "stopAt must be in the future; send null to clear it."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        campaign.StartAt = spec.StartAt;
        campaign.StopAt = spec.StopAt;
        campaign.CronStart = spec.CronStart;
        campaign.CronStop = spec.CronStop;
        campaign.ScheduleTimeZoneId = spec.TimeZoneId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"Campaign {campaignId} was changed by someone else meanwhile; read it again and resend the schedule.");
        }

        var triggers = await scheduler.ApplyAsync(campaignId, spec, cancellationToken);
        return TypedResults.Ok(new CampaignScheduleView(campaignId, spec, triggers));
    }

    private static async Task<CampaignView?> ViewAsync(OrchestratorDbContext db, ICampaignRuntime runtime, long campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { c.Id, c.Name, c.DialMode, c.Status })
            .SingleOrDefaultAsync(cancellationToken);
        return campaign is null ? null : new CampaignView(campaign.Id, campaign.Name, campaign.DialMode.ToString(), campaign.Status, runtime.GetStatus(campaign.Id));
    }

    private static ProblemHttpResult UnknownCampaign(long campaignId) => Problems.NotFound($"Campaign {campaignId} does not exist.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
