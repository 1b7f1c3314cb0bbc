using System.Threading.Channels;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Observability;

namespace Orchestrator.Host.Realtime;

/// <summary>Something the runtime reported: an agent changed, or a customer was just put through to an agent.</summary>
public abstract record RuntimeNotification;

public sealed record AgentChanged(AgentStatus Agent) : RuntimeNotification;

public sealed record ScreenPopped(ScreenPop Pop) : RuntimeNotification;

/// <summary>
/// The host's <see cref="IRuntimeObserver"/>. The runtime calls it on its own loop, so it only writes into each
/// subscriber's bounded channel and returns; subscribers (the SignalR forwarder, the demo agents) read on their tasks.
/// </summary>
public sealed class RuntimeNotifications : IRuntimeObserver
{
    private readonly Lock _lock = new();
    private ChannelWriter<RuntimeNotification>[] _subscribers = [];

    /// <summary>
    /// A new reader of every notification from now on. When the reader falls <paramref name="capacity"/> behind, the
    /// oldest notifications are dropped: the next change of the same agent supersedes them.
    /// </summary>
    public ChannelReader<RuntimeNotification> Subscribe(int capacity = 10_000)
    {
        var channel = Channel.CreateBounded<RuntimeNotification>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            _subscribers = [.. _subscribers, channel.Writer];
        }

        return channel.Reader;
    }

    public void AgentChanged(AgentStatus agent) => Publish(new AgentChanged(agent));

    public void ScreenPop(ScreenPop pop) => Publish(new ScreenPopped(pop));

    private void Publish(RuntimeNotification notification)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.TryWrite(notification);
        }
    }
}
