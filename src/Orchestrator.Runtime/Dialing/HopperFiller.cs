using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Compliance;
using Orchestrator.Data;
using Orchestrator.Data.Leads;
using Orchestrator.Runtime.Campaigns;
using Orchestrator.State;

namespace Orchestrator.Runtime.Dialing;

/// <summary>
/// Keeps a campaign's hopper stocked with leads that are due and inside their calling window, so the
/// pacer never waits on a database query. Everything is checked again at dial time.
/// </summary>
internal sealed class HopperFiller(IDbContextFactory<OrchestratorDbContext> databases, IStateStore state, TimeProvider time)
{
    private const int CallbackPriority = 10;

    /// <summary>Tops the hopper up to <paramref name="target"/> once it is half empty; returns how many leads were added.</summary>
    public async Task<int> FillAsync(CampaignSettings settings, int target, CancellationToken cancellationToken)
    {
        var queued = await state.Hoppers.CountAsync(settings.CampaignId, cancellationToken);
        if (queued * 2 > target || settings.ContactListIds.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var lists = settings.ContactListIds.ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var due = await db.Leads.AsNoTracking()
            .Where(l => lists.Contains(l.ContactListId)
                && (l.Status == LeadStatus.New || l.Status == LeadStatus.Callback)
                && (l.NextDialAt == null || l.NextDialAt <= now))
            .OrderBy(l => l.Status == LeadStatus.Callback ? 0 : 1)
            .ThenBy(l => l.NextDialAt)
            .ThenBy(l => l.Id)
            .Take(target * 2)
            .Select(l => new
            {
                l.Id,
                l.Status,
                l.TimeZoneId,
                Phone = l.Phones
                    .Where(p => p.IsValid && (p.ProtectedUntil == null || p.ProtectedUntil <= now))
                    .OrderBy(p => p.AttemptCount)
                    .ThenBy(p => p.Priority)
                    .Select(p => p.Number)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var entries = due
            .Where(l => l.Phone is not null && IsInsideWindow(settings.Compliance.Window, l.TimeZoneId, now))
            .Select(l => new HopperEntry(l.Id, l.Phone!, l.Status == LeadStatus.Callback ? CallbackPriority : 0))
            .Take(target - (int)queued)
            .ToList();

        return entries.Count == 0 ? 0 : await state.Hoppers.PushAsync(settings.CampaignId, entries, cancellationToken);
    }

    private static bool IsInsideWindow(CallingWindow window, string timeZoneId, DateTimeOffset now) =>
        LeadTimeZones.TryResolve(timeZoneId, out var zone) && window.IsOpenAt(now, zone);
}
