using Microsoft.AspNetCore.SignalR;
using Orchestrator.Runtime.Campaigns;

namespace Orchestrator.Host.Realtime;

/// <summary>Sends what the runtime reports to the hubs, off the runtime's loop.</summary>
internal sealed class RuntimeNotificationForwarder(
    RuntimeNotifications notifications,
    IHubContext<WallboardHub, IWallboardClient> wallboard,
    IHubContext<AgentHub, IAgentClient> agentScreens,
    ILogger<RuntimeNotificationForwarder> logger) : BackgroundService
{
    private readonly System.Threading.Channels.ChannelReader<RuntimeNotification> _reader = notifications.Subscribe();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in _reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    switch (notification)
                    {
                        case AgentChanged { Agent: var agent }:
                            await wallboard.Clients.All.Agent(agent);
                            await agentScreens.Clients.Group(AgentHub.Group(agent.AgentId)).Agent(agent);
                            break;
                        case ScreenPopped { Pop: var pop }:
                            await agentScreens.Clients.Group(AgentHub.Group(pop.AgentId)).ScreenPop(pop);
                            break;
                    }
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One failed push must not end the pushes (a hosted service that throws stops the host).
                    HostLog.PushFailed(logger, error.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Pushes every campaign's status to the wallboards about once a second.</summary>
internal sealed class WallboardBroadcaster(
    ICampaignRuntime campaigns,
    IHubContext<WallboardHub, IWallboardClient> wallboard,
    TimeProvider time,
    ILogger<WallboardBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await wallboard.Clients.All.Campaigns(campaigns.GetStatuses());
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One failed push must not end the pushes (a hosted service that throws stops the host).
                    HostLog.PushFailed(logger, error.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
