using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Protocols.Ari.Rest;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>The client as the host builds it (AddAriClient: options, typed HttpClient, resilience pipeline), pointed at a loopback port.</summary>
internal sealed class AriTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private AriTestHost(ServiceProvider provider)
    {
        _provider = provider;
        Options = provider.GetRequiredService<IOptions<AriClientOptions>>().Value;
    }

    public AriClientOptions Options { get; }

    public AriClient Client => _provider.GetRequiredService<AriClient>();

    public AriRestClient Rest => Client.Rest;

    public static AriTestHost Create(int port, Action<AriClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAriClient(options =>
        {
            // The lab's credentials (tests/fixtures/asterisk/README.md), and test-sized timings.
            options.Host = "127.0.0.1";
            options.Port = port;
            options.Username = "orchestrator";
            options.Password = "ari-secret";
            options.ConnectTimeout = TimeSpan.FromSeconds(5);
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            options.TotalRequestTimeout = TimeSpan.FromSeconds(15);
            options.RetryDelay = TimeSpan.FromMilliseconds(10);
            options.ReconnectDelayMin = TimeSpan.FromMilliseconds(20);
            options.ReconnectDelayMax = TimeSpan.FromMilliseconds(200);
            options.KeepaliveInterval = TimeSpan.Zero;
            configure?.Invoke(options);
        });
        return new AriTestHost(services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
