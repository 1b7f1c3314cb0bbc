using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Protocols.Ari;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Simulator.Ari;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ari;

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
    ILoggerFactory loggers) : HostedSwitch
{
    private AsteriskAriSimulator? _simulator;
    private ServiceProvider? _client;

    public override string Name => simulatorOptions is null ? "asterisk-ari" : "simulator-ari";

    protected override ISwitchAdapter CreateAdapter()
    {
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
        return new AriSwitchAdapter(_client.GetRequiredService<AriClient>(), switchOptions, time, loggers.CreateLogger<AriSwitchAdapter>());
    }

    protected override async ValueTask DisposeOwnedAsync()
    {
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
