using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Data;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Calls;
using Orchestrator.Runtime.Dialing;
using Orchestrator.Runtime.Dispositions;
using Orchestrator.Runtime.Observability;
using Orchestrator.Runtime.Routing;
using Orchestrator.State;
using Orchestrator.Switching;
using Orchestrator.Switching.Events;
using DataCampaignStatus = Orchestrator.Data.Campaigns.CampaignStatus;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>
/// The runtime of one orchestrator instance: it connects the switch, routes its events to the campaign
/// runners and the agent desk, and starts and stops campaigns.
/// </summary>
internal sealed class CampaignRuntime : ICampaignRuntime, IHostedService, IAsyncDisposable
{
    /// <summary>At shutdown, how long calls in progress get to end before their legs are hung up.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly RunnerServices _services;
    private readonly ConcurrentDictionary<long, CampaignRunner> _runners = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _pump = Task.CompletedTask;
    private int _disposed;

    public CampaignRuntime(
        IDbContextFactory<OrchestratorDbContext> databases,
        IStateStore state,
        ISwitchAdapter switchAdapter,
        AgentDesk agents,
        DispositionService dispositions,
        CallRouter router,
        IRuntimeObserver observer,
        TimeProvider time,
        IOptions<RuntimeOptions> options,
        ILogger<CampaignRuntime> logger)
    {
        _services = new RunnerServices(
            databases,
            state,
            switchAdapter,
            agents,
            dispositions,
            new AttemptWriter(databases),
            new Dialer(databases, state, time, switchAdapter.Name),
            new HopperFiller(databases, state, time),
            router,
            observer,
            time,
            options.Value,
            logger);
        agents.AgentAvailable += campaignId =>
        {
            if (_runners.TryGetValue(campaignId, out var runner))
            {
                runner.Post(new RunnerMessage.AgentReady());
            }
        };
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _services.Switch.StartAsync(cancellationToken);
        _pump = Task.Run(() => PumpAsync(_stopping.Token), CancellationToken.None);
        if (!_services.Options.StartRunningCampaigns)
        {
            return;
        }

        await using var db = await _services.Databases.CreateDbContextAsync(cancellationToken);
        var running = await db.Campaigns.Where(c => c.Status == DataCampaignStatus.Running).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var campaignId in running)
        {
            await StartCampaignAsync(campaignId, cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var runner in _runners.Values)
        {
            runner.Post(new RunnerMessage.Stop(HangUpCalls: true));
        }

        var drained = Task.WhenAll(_runners.Values.Select(r => r.Completion));
        await Task.WhenAny(drained, Task.Delay(DrainTimeout, _services.Time, cancellationToken));
        foreach (var runner in _runners.Values)
        {
            await runner.DisposeAsync();
            await runner.AbandonOpenCallsAsync(CancellationToken.None);
        }

        // Every agent here, not only those of running campaigns: a nailed-up leg is a channel Asterisk keeps after our
        // connection closes, and it would hold the agent's phone until the next login found it.
        foreach (var agentId in _services.Agents.LoggedInAgentIds())
        {
            await LogoutQuietlyAsync(agentId);
        }

        await _stopping.CancelAsync();
        await _pump;
    }

    public async Task StartCampaignAsync(long campaignId, CancellationToken cancellationToken)
    {
        if (_runners.TryGetValue(campaignId, out var existing) && !existing.Completion.IsCompleted)
        {
            return;
        }

        await using var db = await _services.Databases.CreateDbContextAsync(cancellationToken);
        var settings = await CampaignSettingsLoader.LoadAsync(db, campaignId, cancellationToken);
        var runner = new CampaignRunner(settings, _services);
        _runners[campaignId] = runner;
        runner.Start();
        await db.Campaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, DataCampaignStatus.Running).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
    }

    public async Task StopCampaignAsync(long campaignId, CancellationToken cancellationToken)
    {
        await using var db = await _services.Databases.CreateDbContextAsync(cancellationToken);
        var updated = await db.Campaigns.Where(c => c.Id == campaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, DataCampaignStatus.Stopped).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (updated == 0)
        {
            throw new CampaignNotFoundException(campaignId);
        }

        if (_runners.TryGetValue(campaignId, out var runner))
        {
            runner.Post(new RunnerMessage.Stop(HangUpCalls: false));
        }
    }

    public IReadOnlyList<CampaignStatus> GetStatuses() => _runners.Values.Select(r => r.Status).OrderBy(s => s.CampaignId).ToList();

    public CampaignStatus? GetStatus(long campaignId) => _runners.TryGetValue(campaignId, out var runner) ? runner.Status : null;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        foreach (var runner in _runners.Values)
        {
            await runner.DisposeAsync();
        }

        await _pump;
        _stopping.Dispose();
    }

    private async Task PumpAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var switchEvent in _services.Switch.Events.ReadAllAsync(stopping))
            {
                switch (switchEvent)
                {
                    case LegEvent { Leg.IsAgentLeg: true } agentEvent:
                        await _services.Agents.HandleLegEventAsync(agentEvent, stopping);
                        break;

                    case LegEvent customerEvent when _services.Router.TryGetOwner(customerEvent.Leg, out var owner):
                        owner.Post(new RunnerMessage.Leg(customerEvent));
                        break;

                    case LegEvent unknown:
                        RuntimeLog.UnknownLeg(_services.Logger, unknown.Leg);
                        break;

                    case SwitchConnectionChanged change:
                        foreach (var runner in _runners.Values)
                        {
                            runner.Post(new RunnerMessage.Switch(change));
                        }

                        if (change is { State: SwitchConnectionState.Ready, LiveLegs: { } live })
                        {
                            await _services.Agents.ReconcileAsync(live, stopping);
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception error) when (error is StateStoreUnavailableException or SwitchException or DbUpdateException)
        {
            RuntimeLog.PumpFailed(_services.Logger, error);
        }
    }

    private async Task LogoutQuietlyAsync(long agentId)
    {
        try
        {
            await _services.Agents.LogoutAsync(agentId, CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Shutting down, and the next agent must still be logged out: what is left is found and hung up at the
            // agent's next login.
            RuntimeLog.ShutdownLogoutFailed(_services.Logger, agentId, error.Message);
        }
    }
}
