using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Data;
using Orchestrator.Data.Attempts;
using Orchestrator.Runtime.Agents;

namespace Orchestrator.Host.Demo;

/// <summary>One disposition code's count in the summary.</summary>
public sealed record DispositionCount(string Code, bool BySystem, int Count);

/// <summary>
/// The demo campaign's numbers for this run, from the database (attempts created since the run started and their
/// dispositions), plus agent occupancy from the runtime's agent accounting.
/// </summary>
public sealed record DemoSummary(
    long CampaignId,
    string CampaignName,
    TimeSpan RunTime,
    int Dials,
    int Answers,
    int Machines,
    int Connects,
    int Abandons,
    double AbandonCapPercent,
    int Agents,
    double MeanOccupancy,
    int CallsHandled,
    IReadOnlyList<KeyValuePair<string, int>> Results,
    IReadOnlyList<DispositionCount> Dispositions)
{
    /// <summary>Answered by a person (answers less machines found by AMD): the base of the abandon rate.</summary>
    public int Humans => Answers - Machines;

    public double AbandonPercent => Humans == 0 ? 0 : 100.0 * Abandons / Humans;

    public static async Task<DemoSummary> ComputeAsync(
        OrchestratorDbContext db, IAgentDesk desk, long campaignId, IReadOnlyList<long> agentIds, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(agentIds);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.Name, c.AbandonCapPercent }).SingleAsync(cancellationToken);
        var attempts = db.Attempts.AsNoTracking().Where(a => a.CampaignId == campaignId && a.CreatedAt >= since);
        var dials = await attempts.CountAsync(cancellationToken);
        var answers = await attempts.CountAsync(a => a.AnsweredAt != null, cancellationToken);
        var machines = await attempts.CountAsync(a => a.AnsweredAt != null && a.AmdResult == AmdResult.Machine, cancellationToken);
        var connects = await attempts.CountAsync(a => a.ConnectedAt != null, cancellationToken);
        var abandons = await attempts.CountAsync(a => a.Result == AttemptResult.Abandoned, cancellationToken);
        var results = await attempts.GroupBy(a => a.Result).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var dispositions = await db.Dispositions.AsNoTracking()
            .Where(d => attempts.Any(a => a.Id == d.AttemptId))
            .GroupBy(d => new { d.Code, BySystem = d.AgentId == null })
            .Select(g => new { g.Key.Code, g.Key.BySystem, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var agents = agentIds.Select(desk.GetAgent).OfType<AgentStatus>().ToList();
        return new DemoSummary(
            campaignId,
            campaign.Name,
            now - since,
            dials,
            answers,
            machines,
            connects,
            abandons,
            campaign.AbandonCapPercent,
            agents.Count,
            agents.Count == 0 ? 0 : agents.Average(a => a.Occupancy),
            agents.Sum(a => a.CallsHandled),
            [.. results.OrderByDescending(r => r.Count).Select(r => new KeyValuePair<string, int>(r.Key.ToString(), r.Count))],
            [.. dispositions.OrderBy(d => d.BySystem).ThenByDescending(d => d.Count).ThenBy(d => d.Code, StringComparer.Ordinal).Select(d => new DispositionCount(d.Code, d.BySystem, d.Count))]);
    }

    /// <summary>The plain table printed at the end of the demo.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        const string Rule = "================================================================";
        text.AppendLine(Rule);
        text.AppendLine(c, $" Demo summary: campaign {CampaignId} \"{CampaignName}\", {RunTime.TotalMinutes:0.0} min");
        text.AppendLine(" (from the database: attempts placed during this run and their dispositions)");
        text.AppendLine(Rule);
        Row(text, "Dials", Dials.ToString(c));
        Row(text, "Answers", Answers.ToString(c), Machines > 0 ? $"{Machines} by machines" : null);
        Row(text, "Connects", Connects.ToString(c), "bridged to an agent");
        Row(text, "Abandons", Abandons.ToString(c), "safe-harbor message, no agent in time");
        Row(text, "Abandon rate", $"{AbandonPercent.ToString("0.0", c)} %", $"of {Humans} answered by a person; cap {AbandonCapPercent.ToString("0.#", c)} %");
        Row(text, "Agent occupancy", $"{(MeanOccupancy * 100).ToString("0.0", c)} %", $"talk + wrap-up over available time, mean of {Agents} agents");
        Row(text, "Calls handled", CallsHandled.ToString(c), "by the agents, runtime count");
        text.AppendLine();
        text.AppendLine(" Attempt results");
        foreach (var (result, count) in Results)
        {
            Row(text, "  " + result, count.ToString(c));
        }

        text.AppendLine();
        text.AppendLine(" Dispositions");
        if (Dispositions.Count == 0)
        {
            text.AppendLine("   (none)");
        }

        foreach (var disposition in Dispositions)
        {
            Row(text, "  " + disposition.Code, disposition.Count.ToString(c), disposition.BySystem ? "system" : "agent");
        }

        text.AppendLine(Rule);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, string value, string? note = null) =>
        text.AppendLine(CultureInfo.InvariantCulture, $" {label,-18}{value,10}{(note is null ? "" : "   " + note)}");
}
