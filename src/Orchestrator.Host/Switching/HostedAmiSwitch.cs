using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Simulator.Ami;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ami;

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
    ILoggerFactory loggers) : HostedSwitch
{
    private AsteriskAmiSimulator? _simulator;

    public override string Name => simulatorOptions is null ? "asterisk-ami" : "simulator-ami";

    /// <summary>The embedded simulator (its control surface and counters), or null for a real Asterisk or before start.</summary>
    public AsteriskAmiSimulator? Simulator => _simulator;

    protected override ISwitchAdapter CreateAdapter()
    {
        var client = clientOptions;
        if (simulatorOptions is not null)
        {
            _simulator = new AsteriskAmiSimulator(simulatorOptions, time, loggers);
            _simulator.Start();
            client = Loopback(clientOptions, _simulator.Port, simulatorOptions);
            HostLog.SimulatorListening(loggers.CreateLogger<HostedAmiSwitch>(), _simulator.Port, simulatorOptions.Outcomes.Name ?? "custom");
        }

        return new AmiSwitchAdapter(new AmiClient(client, time, loggers.CreateLogger<AmiClient>()), switchOptions, time, loggers.CreateLogger<AmiSwitchAdapter>());
    }

    protected override async ValueTask DisposeOwnedAsync()
    {
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
