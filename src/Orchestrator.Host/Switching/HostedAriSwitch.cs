using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Protocols.Ari;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Simulator.Ari;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ari;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Host.Switching;

/// <summary>
/// The switch over ARI, as the host owns it: the real <see cref="AriClient"/> (typed HttpClient with its resilience
/// pipeline, events WebSocket) and <see cref="AriSwitchAdapter"/>, connected to the configured Asterisk or to an
/// <see cref="AsteriskAriSimulator"/> the host starts on a free loopback port. Like <see cref="HostedAmiSwitch"/>, the
/// simulator's port is known only once it listens, so the client is composed in <see cref="StartAsync"/>.
/// </summary>
internal sealed class HostedAriSwitch(
    AriClientOptions clientOptions,
    AriSwitchOptions switchOptions,
    AsteriskAriSimulatorOptions? simulatorOptions,
    TimeProvider time,
    ILoggerFactory loggers) : ISwitchAdapter
{
    private AsteriskAriSimulator? _simulator;
    private ServiceProvider? _client;
    private AriSwitchAdapter? _adapter;
    private int _disposed;

    public string Name => simulatorOptions is null ? "asterisk-ari" : "simulator-ari";

    public SwitchCapabilities Capabilities => AdapterOrNull?.Capabilities ?? SwitchCapabilities.None;

    public SwitchConnectionState State => Volatile.Read(ref _disposed) == 0 && AdapterOrNull is { } adapter ? adapter.State : SwitchConnectionState.Disconnected;

    public ChannelReader<SwitchEvent> Events => Adapter.Events;

    private AriSwitchAdapter? AdapterOrNull => Volatile.Read(ref _adapter);

    private AriSwitchAdapter Adapter => AdapterOrNull ?? throw new SwitchNotReadyException("The switch has not been started yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (AdapterOrNull is not null)
        {
            throw new InvalidOperationException("The switch is already started.");
        }

        var target = clientOptions;
        if (simulatorOptions is not null)
        {
            _simulator = new AsteriskAriSimulator(simulatorOptions, time, loggers);
            _simulator.Start();
            target = Loopback(clientOptions, _simulator.Port, simulatorOptions);
            HostLog.AriSimulatorListening(loggers.CreateLogger<HostedAriSwitch>(), _simulator.Port, simulatorOptions.Outcomes.Name ?? "custom");
        }

        // The client as AddAriClient composes it (IHttpClientFactory, resilience pipeline), in a small container of its own.
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(time);
        services.AddAriClient(o => Copy(target, o));
        _client = services.BuildServiceProvider();

        var adapter = new AriSwitchAdapter(_client.GetRequiredService<AriClient>(), switchOptions, time, loggers.CreateLogger<AriSwitchAdapter>());
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

        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    private static AriClientOptions Loopback(AriClientOptions tuning, int port, AsteriskAriSimulatorOptions simulator)
    {
        var options = new AriClientOptions();
        Copy(tuning, options);
        options.Host = "127.0.0.1";
        options.Port = port;
        options.UseTls = false;
        options.Username = simulator.Username;
        options.Password = simulator.Password;
        return options;
    }

    private static void Copy(AriClientOptions from, AriClientOptions to)
    {
        to.Host = from.Host;
        to.Port = from.Port;
        to.UseTls = from.UseTls;
        to.Username = from.Username;
        to.Password = from.Password;
        to.Application = from.Application;
        to.SubscribeAll = from.SubscribeAll;
        to.ConnectTimeout = from.ConnectTimeout;
        to.RequestTimeout = from.RequestTimeout;
        to.TotalRequestTimeout = from.TotalRequestTimeout;
        to.IdempotentRetries = from.IdempotentRetries;
        to.RetryDelay = from.RetryDelay;
        to.KeepaliveInterval = from.KeepaliveInterval;
        to.KeepaliveTimeout = from.KeepaliveTimeout;
        to.ReconnectDelayMin = from.ReconnectDelayMin;
        to.ReconnectDelayMax = from.ReconnectDelayMax;
        to.EventQueueCapacity = from.EventQueueCapacity;
        to.OverflowPolicy = from.OverflowPolicy;
        to.MaxMessageBytes = from.MaxMessageBytes;
    }
}
