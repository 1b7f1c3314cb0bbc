using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Data;
using Orchestrator.Data.Seeding;
using Orchestrator.Host.Configuration;

namespace Orchestrator.Host.Demo;

/// <summary>
/// Seeds the demo (once: later runs reuse the records) after the database is migrated and before the runtime starts,
/// so the runtime finds the demo campaign Running. With the embedded simulator the demo trunk is pointed at the
/// simulator's customer context, whose extensions are digits only.
/// </summary>
internal sealed class DemoSeeding(
    IDbContextFactory<OrchestratorDbContext> databases,
    IOptions<OrchestratorSettings> settings,
    DemoRun run,
    TimeProvider time,
    ILogger<DemoSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        run.StartedAt = time.GetUtcNow();
        try
        {
            var demo = settings.Value.Demo;
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var result = await DemoSeeder.EnsureSeededAsync(db, time, new DemoSeedOptions { LeadCount = demo.Leads, AgentCount = demo.Agents }, cancellationToken);
            HostLog.DemoSeeded(logger, result.ProjectId, result.CampaignId, result.AgentIds.Count, result.Created ? "created" : "already there, reused");

            if (string.Equals(settings.Value.Switch.Type, SwitchTypes.Simulator, StringComparison.OrdinalIgnoreCase))
            {
                var template = settings.Value.Simulator.EffectiveTrunkTemplate;
                var trunk = await db.Campaigns.Where(c => c.Id == result.CampaignId && c.TrunkId != null)
                    .Join(db.Trunks, c => c.TrunkId, t => t.Id, (c, t) => t)
                    .SingleOrDefaultAsync(cancellationToken);
                if (trunk is not null && trunk.DialStringTemplate != template)
                {
                    trunk.DialStringTemplate = template;
                    await db.SaveChangesAsync(cancellationToken);
                    HostLog.DemoTrunkAdjusted(logger, trunk.Name, template);
                }
            }

            run.SetSeeded(result);
        }
        catch (Exception error)
        {
            run.SetFailed(error);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
