using System.Threading.Channels;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Simulator.Ami;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ami;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Host.Switching;

/// <summary>
/// The switch as the host owns it: the real <see cref="AmiClient"/> and <see cref="AmiSwitchAdapter"/>, connected either
/// to the configured Asterisk or — the embedded default — to an <see cref="AsteriskAmiSimulator"/> the host starts on a
/// free loopback port, so the demo and the host tests dial through the same wire protocol as production. The
/// simulator's port is known only once it listens, so client and adapter are made in <see cref="StartAsync"/>; until
/// then the switch reports Disconnected. Disposing is idempotent (the host disposes it once the runtime has stopped,
/// and the container again at the end).
/// </summary>
internal sealed class HostedAmiSwitch(
    AmiClientOptions clientOptions,
    AmiSwitchOptions switchOptions,
    AsteriskAmiSimulatorOptions? simulatorOptions,
    TimeProvider time,
    ILoggerFactory loggers) : ISwitchAdapter
{
    private AsteriskAmiSimulator? _simulator;
    private AmiSwitchAdapter? _adapter;
    private int _disposed;

    public string Name => simulatorOptions is null ? "asterisk-ami" : "simulator-ami";

    /// <summary>The embedded simulator (its control surface and counters), or null for a real Asterisk or before start.</summary>
    public AsteriskAmiSimulator? Simulator => _simulator;

    public SwitchCapabilities Capabilities => AdapterOrNull?.Capabilities ?? SwitchCapabilities.AnsweringMachineDetection
        | SwitchCapabilities.NailedUpAgentLegs | SwitchCapabilities.Bridging | SwitchCapabilities.PlayThenHangup | SwitchCapabilities.ChannelListing;

    public SwitchConnectionState State => Volatile.Read(ref _disposed) == 0 && AdapterOrNull is { } adapter ? adapter.State : SwitchConnectionState.Disconnected;

    public ChannelReader<SwitchEvent> Events => Adapter.Events;

    private AmiSwitchAdapter? AdapterOrNull => Volatile.Read(ref _adapter);

    private AmiSwitchAdapter Adapter => AdapterOrNull ?? throw new SwitchNotReadyException("The switch has not been started yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (AdapterOrNull is not null)
        {
            throw new InvalidOperationException("The switch is already started.");
        }

        var client = clientOptions;
        if (simulatorOptions is not null)
        {
            _simulator = new AsteriskAmiSimulator(simulatorOptions, time, loggers);
            _simulator.Start();
            client = Loopback(clientOptions, _simulator.Port, simulatorOptions);
            HostLog.SimulatorListening(loggers.CreateLogger<HostedAmiSwitch>(), _simulator.Port, simulatorOptions.Outcomes.Name ?? "custom");
        }

        var adapter = new AmiSwitchAdapter(new AmiClient(client, time, loggers.CreateLogger<AmiClient>()), switchOptions, time, loggers.CreateLogger<AmiSwitchAdapter>());
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

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    private static AmiClientOptions Loopback(AmiClientOptions tuning, int port, AsteriskAmiSimulatorOptions simulator) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Username = simulator.Username,
        Secret = simulator.Secret,
        Authentication = tuning.Authentication,
        Events = tuning.Events,
        ConnectTimeout = tuning.ConnectTimeout,
        ActionTimeout = tuning.ActionTimeout,
        KeepaliveInterval = tuning.KeepaliveInterval,
        ReconnectDelayMin = tuning.ReconnectDelayMin,
        ReconnectDelayMax = tuning.ReconnectDelayMax,
        EventQueueCapacity = tuning.EventQueueCapacity,
        OverflowPolicy = tuning.OverflowPolicy,
        MaxFrameBytes = tuning.MaxFrameBytes,
    };
}

/// <summary>
/// Closes the switch connection (and stops the embedded simulator) once the runtime has stopped: registered before the
/// runtime, so it stops after it.
/// </summary>
internal sealed class SwitchShutdown(ISwitchAdapter hostedSwitch) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await hostedSwitch.DisposeAsync();
}
