using System.Threading.Channels;
using Orchestrator.Switching;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Host.Switching;

/// <summary>
/// A switch the host composes when it starts (the embedded simulator's port is known only once it listens): the
/// adapter is made in <see cref="StartAsync"/>; until then the switch reports Disconnected and refuses commands.
/// Subclasses say how to make the adapter and what else to stop with it.
/// </summary>
internal abstract class HostedSwitch : ISwitchAdapter
{
    private ISwitchAdapter? _adapter;
    private int _disposed;

    public abstract string Name { get; }

    public SwitchCapabilities Capabilities => AdapterOrNull?.Capabilities ?? SwitchCapabilities.None;

    public SwitchConnectionState State => Volatile.Read(ref _disposed) == 0 && AdapterOrNull is { } adapter ? adapter.State : SwitchConnectionState.Disconnected;

    public ChannelReader<SwitchEvent> Events => Adapter.Events;

    private ISwitchAdapter? AdapterOrNull => Volatile.Read(ref _adapter);

    private ISwitchAdapter Adapter => AdapterOrNull ?? throw new SwitchNotReadyException("The switch has not been started yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (AdapterOrNull is not null)
        {
            throw new InvalidOperationException("The switch is already started.");
        }

        var adapter = CreateAdapter();
        Volatile.Write(ref _adapter, adapter);
        await adapter.StartAsync(cancellationToken);
    }

    public Task OriginateAsync(OriginateCommand command, CancellationToken cancellationToken) => Adapter.OriginateAsync(command, cancellationToken);

    public Task OpenAgentLegAsync(AgentLegCommand command, CancellationToken cancellationToken) => Adapter.OpenAgentLegAsync(command, cancellationToken);

    public Task BridgeAsync(BridgeCommand command, CancellationToken cancellationToken) => Adapter.BridgeAsync(command, cancellationToken);

    public Task PlayThenHangupAsync(PlayThenHangupCommand command, CancellationToken cancellationToken) => Adapter.PlayThenHangupAsync(command, cancellationToken);

    public Task HangupAsync(HangupCommand command, CancellationToken cancellationToken) => Adapter.HangupAsync(command, cancellationToken);

    public Task StartRecordingAsync(RecordingCommand command, CancellationToken cancellationToken) => Adapter.StartRecordingAsync(command, cancellationToken);

    public Task StopRecordingAsync(RecordingCommand command, CancellationToken cancellationToken) => Adapter.StopRecordingAsync(command, cancellationToken);

    public Task TransferAsync(TransferCommand command, CancellationToken cancellationToken) => Adapter.TransferAsync(command, cancellationToken);

    public Task MonitorAsync(MonitorCommand command, CancellationToken cancellationToken) => Adapter.MonitorAsync(command, cancellationToken);

    public Task<IReadOnlyList<LiveChannel>> ListLiveChannelsAsync(CancellationToken cancellationToken) => Adapter.ListLiveChannelsAsync(cancellationToken);

    public Task HangupLeftoverAsync(LiveChannel channel, Core.Calls.HangupCause cause, CancellationToken cancellationToken) =>
        Adapter.HangupLeftoverAsync(channel, cause, cancellationToken);

    /// <summary>Idempotent: the host disposes the switch once the runtime has stopped, and the container again at the end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (AdapterOrNull is { } adapter)
        {
            await adapter.DisposeAsync();
        }

        await DisposeOwnedAsync();
    }

    /// <summary>Starts whatever the adapter needs (the embedded simulator) and makes the adapter.</summary>
    protected abstract ISwitchAdapter CreateAdapter();

    /// <summary>Stops what <see cref="CreateAdapter"/> started, after the adapter.</summary>
    protected abstract ValueTask DisposeOwnedAsync();
}
