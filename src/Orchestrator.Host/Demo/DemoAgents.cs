using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;
using Orchestrator.Data.Seeding;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Realtime;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Campaigns;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Switching;

namespace Orchestrator.Host.Demo;

/// <summary>
/// The demo's simulated agents (unless <c>Demo:SimulateAgents</c> is false): logs them into the demo campaign once the switch is up, and whenever one enters
/// wrap-up, waits a wrap time drawn from the simulator's outcome model and submits a disposition drawn from a fixed
/// mix. Stops the host after <c>Demo:RunMinutes</c>.
/// </summary>
internal sealed class DemoAgents : BackgroundService
{
    private static readonly TimeSpan SwitchWait = TimeSpan.FromSeconds(30);

    private readonly DemoRun _run;
    private readonly ICampaignRuntime _campaigns;
    private readonly IAgentDesk _desk;
    private readonly ISwitchAdapter _switch;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly DemoOptions _options;
    private readonly OutcomeModel _model;
    private readonly ILogger<DemoAgents> _logger;
    private readonly System.Threading.Channels.ChannelReader<RuntimeNotification> _notifications;
    private readonly ConcurrentDictionary<AttemptId, Task> _wrapping = new();
    private readonly Lock _randomLock = new();
    private readonly Random _random;

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Simulated agents' choices must be seedable; nothing is protected.")]
    public DemoAgents(
        DemoRun run,
        ICampaignRuntime campaigns,
        IAgentDesk desk,
        ISwitchAdapter switchAdapter,
        RuntimeNotifications notifications,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        IOptions<OrchestratorSettings> settings,
        ILogger<DemoAgents> logger)
    {
        _run = run;
        _campaigns = campaigns;
        _desk = desk;
        _switch = switchAdapter;
        _lifetime = lifetime;
        _time = time;
        _options = settings.Value.Demo;
        _model = OutcomeModelSource.Load(settings.Value.Simulator);
        _logger = logger;
        _random = new Random(_options.Seed);

        // Subscribed now, before the runtime can report anything.
        _notifications = notifications.Subscribe(capacity: 100_000);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var seeded = await _run.Seeded.WaitAsync(stoppingToken);
            var behaviour = Task.CompletedTask;
            var loggedIn = 0;
            if (_options.SimulateAgents)
            {
                behaviour = Task.Run(() => BehaveAsync(stoppingToken), CancellationToken.None);
                await WaitForSwitchAsync(stoppingToken);
                await _campaigns.StartCampaignAsync(seeded.CampaignId, stoppingToken);
                loggedIn = await LoginAsync(seeded, stoppingToken);
            }

            var duration = _options.RunMinutes > 0 ? TimeSpan.FromMinutes(_options.RunMinutes) : Timeout.InfiniteTimeSpan;
            HostLog.DemoRunning(_logger, loggedIn, seeded.CampaignId, duration == Timeout.InfiniteTimeSpan ? "until Ctrl+C" : $"for {duration:g}");
            if (duration != Timeout.InfiniteTimeSpan)
            {
                await Task.Delay(duration, _time, stoppingToken);
                HostLog.DemoTimeUp(_logger, _options.RunMinutes);
                _lifetime.StopApplication();
            }

            await behaviour;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> LoginAsync(DemoSeedResult seeded, CancellationToken stoppingToken)
    {
        var loggedIn = 0;
        foreach (var agentId in seeded.AgentIds)
        {
            try
            {
                await _desk.LoginAsync(agentId, seeded.CampaignId, stoppingToken);
                loggedIn++;
            }
            catch (Exception error) when (error is AgentNotFoundException or InvalidOperationException or CampaignNotFoundException)
            {
                HostLog.DemoLoginFailed(_logger, agentId, error.Message);
            }
        }

        return loggedIn;
    }

    private async Task WaitForSwitchAsync(CancellationToken stoppingToken)
    {
        var started = _time.GetTimestamp();
        while (_switch.State != SwitchConnectionState.Ready)
        {
            if (_time.GetElapsedTime(started) > SwitchWait)
            {
                HostLog.DemoSwitchNotReady(_logger, _switch.State.ToString(), SwitchWait);
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, stoppingToken);
        }
    }

    private async Task BehaveAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in _notifications.ReadAllAsync(stoppingToken))
            {
                if (notification is AgentChanged { Agent: { State: AgentState.WrapUp, Attempt: { } attempt } agent }
                    && !_wrapping.ContainsKey(attempt))
                {
                    _wrapping[attempt] = WrapUpAsync(agent.AgentId, attempt, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WrapUpAsync(long agentId, AttemptId attempt, CancellationToken stoppingToken)
    {
        var (wrap, choice) = Draw();
        var submission = choice.ToSubmission(_time.GetUtcNow() + wrap);
        try
        {
            await Task.Delay(wrap, _time, stoppingToken);
            await _desk.SubmitDispositionAsync(agentId, attempt, submission, stoppingToken);
            HostLog.DemoDisposition(_logger, agentId, submission.Code, attempt.ToString(), wrap);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Refused (the agent logged out, the call was settled elsewhere) or a dependency failed: log and go on.
            HostLog.DemoDispositionRefused(_logger, agentId, submission.Code, attempt.ToString(), error.Message);
        }
        finally
        {
            _wrapping.TryRemove(attempt, out _);
        }
    }

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Simulated agents' choices must be seedable; nothing is protected.")]
    private (TimeSpan Wrap, DemoDisposition Choice) Draw()
    {
        lock (_randomLock)
        {
            var seconds = Math.Clamp(_model.WrapSeconds.Sample(_random), 0.5, 600);
            return (TimeSpan.FromSeconds(seconds), DemoDisposition.Pick(_random.NextDouble(), _random.NextDouble()));
        }
    }
}
