using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Compliance;
using Orchestrator.Data;
using Quartz;

namespace Orchestrator.Host.Scheduling;

/// <summary>A campaign's schedule as stored on the campaign: one-off start and stop, and cron starts and stops.</summary>
/// <param name="TimeZoneId">IANA zone of the cron expressions (UTC when null).</param>
public sealed record CampaignScheduleSpec(DateTimeOffset? StartAt, DateTimeOffset? StopAt, string? CronStart, string? CronStop, string? TimeZoneId);

/// <summary>One trigger as Quartz holds it.</summary>
public sealed record ScheduledTrigger(string Name, string Action, string Kind, string? Cron, DateTimeOffset? NextFireAt);

/// <summary>A campaign's schedule and the triggers made from it.</summary>
public sealed record CampaignScheduleView(long CampaignId, CampaignScheduleSpec Schedule, IReadOnlyList<ScheduledTrigger> Triggers);

/// <summary>
/// Turns campaigns' schedules into Quartz triggers of the two durable jobs (<see cref="StartCampaignJob"/>,
/// <see cref="StopCampaignJob"/>): one group of triggers per campaign, replaced whole on every change. One-off times
/// already past are skipped (a campaign running at shutdown is restarted from its database status instead).
/// </summary>
public sealed class CampaignScheduler(ISchedulerFactory schedulers, TimeProvider time, ILogger<CampaignScheduler> logger)
{
    public const string JobGroup = "campaigns";
    public const string CampaignIdKey = "campaignId";

    /// <summary>Replaces the campaign's triggers with those of <paramref name="spec"/>.</summary>
    public async Task<IReadOnlyList<ScheduledTrigger>> ApplyAsync(long campaignId, CampaignScheduleSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var group = GroupOf(campaignId);
        var existing = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(group), cancellationToken);
        await scheduler.UnscheduleJobs(existing, cancellationToken);

        var zone = ZoneOf(spec.TimeZoneId);
        var now = time.GetUtcNow();
        var triggers = new List<ITrigger>();
        if (spec.StartAt is { } startAt && startAt > now)
        {
            triggers.Add(OneOff(campaignId, "start-at", StartCampaignJob.Key, startAt, time));
        }

        if (spec.StopAt is { } stopAt && stopAt > now)
        {
            triggers.Add(OneOff(campaignId, "stop-at", StopCampaignJob.Key, stopAt, time));
        }

        if (!string.IsNullOrWhiteSpace(spec.CronStart))
        {
            triggers.Add(Cron(campaignId, "cron-start", StartCampaignJob.Key, spec.CronStart, zone, time));
        }

        if (!string.IsNullOrWhiteSpace(spec.CronStop))
        {
            triggers.Add(Cron(campaignId, "cron-stop", StopCampaignJob.Key, spec.CronStop, zone, time));
        }

        foreach (var trigger in triggers)
        {
            await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }

        var view = await GetTriggersAsync(campaignId, cancellationToken);
        HostLog.CampaignScheduled(
            logger,
            campaignId,
            view.Count,
            Next(view, "start"),
            Next(view, "stop"));
        return view;
    }

    /// <summary>The campaign's triggers and their next fire times.</summary>
    public async Task<IReadOnlyList<ScheduledTrigger>> GetTriggersAsync(long campaignId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(GroupOf(campaignId)), cancellationToken);
        var result = new List<ScheduledTrigger>();
        foreach (var key in keys.OrderBy(k => k.Name, StringComparer.Ordinal).ToList())
        {
            if (await scheduler.GetTrigger(key, cancellationToken) is not { } trigger)
            {
                continue;
            }

            var action = trigger.JobKey.Equals(StartCampaignJob.Key) ? "start" : "stop";
            var cron = (trigger as ICronTrigger)?.CronExpressionString;
            result.Add(new ScheduledTrigger(key.Name, action, cron is null ? "once" : "cron", cron, trigger.NextFireTimeUtc));
        }

        return result;
    }

    /// <summary>At start: the triggers of every campaign that has a schedule.</summary>
    public async Task LoadAllAsync(OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.StartAt != null || c.StopAt != null || c.CronStart != null || c.CronStop != null)
            .Select(c => new { c.Id, Spec = new CampaignScheduleSpec(c.StartAt, c.StopAt, c.CronStart, c.CronStop, c.ScheduleTimeZoneId) })
            .ToListAsync(cancellationToken);
        foreach (var campaign in campaigns)
        {
            var problems = Problems(campaign.Spec);
            if (problems.Count > 0)
            {
                HostLog.ScheduleSkipped(logger, campaign.Id, problems[0].Value);
                continue;
            }

            await ApplyAsync(campaign.Id, campaign.Spec, cancellationToken);
        }
    }

    /// <summary>Field errors of a schedule (cron syntax, time zone, order of start and stop), keyed by field name.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Problems(CampaignScheduleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<KeyValuePair<string, string>>();
        if (spec.CronStart is { Length: > 0 } cronStart && !CronExpression.TryParse(cronStart, out _))
        {
            problems.Add(new("cronStart", $"'{cronStart}' is not a Quartz cron expression; e.g. '0 0 9 ? * MON-FRI' (09:00 on weekdays)."));
        }

        if (spec.CronStop is { Length: > 0 } cronStop && !CronExpression.TryParse(cronStop, out _))
        {
            problems.Add(new("cronStop", $"'{cronStop}' is not a Quartz cron expression; e.g. '0 0 17 ? * MON-FRI' (17:00 on weekdays)."));
        }

        // The same rule as a lead's zone: a real place ('localtime' would be whatever the server is set to).
        if (spec.TimeZoneId is { Length: > 0 } zone && !LeadTimeZones.TryResolve(zone, out _))
        {
            problems.Add(new("timeZoneId", $"'{zone}' is not the time zone of a place; use an IANA name such as 'America/New_York'."));
        }

        if (spec is { StartAt: { } start, StopAt: { } stop } && stop <= start)
        {
            problems.Add(new("stopAt", "stopAt must be after startAt."));
        }

        return problems;
    }

    public static string GroupOf(long campaignId) => string.Create(CultureInfo.InvariantCulture, $"campaign-{campaignId}");

    private static TimeZoneInfo ZoneOf(string? id) =>
        LeadTimeZones.TryResolve(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static ITrigger OneOff(long campaignId, string name, JobKey job, DateTimeOffset at, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(name, GroupOf(campaignId))
            .ForJob(job)
            .UsingJobData(CampaignIdKey, campaignId)
            .StartAt(at)
            .WithSchedule(SimpleScheduleBuilder.Create())
            .Build();

    private static ITrigger Cron(long campaignId, string name, JobKey job, string expression, TimeZoneInfo zone, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity(name, GroupOf(campaignId))
            .ForJob(job)
            .UsingJobData(CampaignIdKey, campaignId)
            .WithSchedule(CronScheduleBuilder.Create(expression).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();

    private static string Next(IReadOnlyList<ScheduledTrigger> triggers, string action) =>
        triggers.Where(t => t.Action == action && t.NextFireAt is not null).Select(t => t.NextFireAt!.Value).Order().Select(t => t.ToString("O", CultureInfo.InvariantCulture)).FirstOrDefault() ?? "none";
}

/// <summary>At start, after the database is migrated and Quartz is up: schedules every campaign that has a schedule.</summary>
internal sealed class CampaignScheduleLoader(IDbContextFactory<OrchestratorDbContext> databases, CampaignScheduler scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await scheduler.LoadAllAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
