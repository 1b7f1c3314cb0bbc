using Xunit;
using Xunit.Abstractions;

namespace Orchestrator.TestSupport;

/// <summary>
/// One real redis-server shared by a test collection. Test classes keep apart by using their own key prefix.
/// Never skips: when redis-server is missing, every test of the collection fails and says how to install it.
/// </summary>
/// <remarks>Use it as a collection fixture; the collection definition must live in the test assembly.</remarks>
public sealed class RedisServerFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string CollectionName = "redis-server";

    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The redis-server fixture has not started.");

    public string ConnectionString => Server.ConnectionString;

    public int Port => Server.Port;

    public string Version => Server.Version;

    public async Task InitializeAsync() => _server = await StartServerAsync();

    /// <summary>
    /// A second server that belongs to one test (which may stop it to simulate an outage); the caller disposes it.
    /// </summary>
    public async Task<RedisServer> StartPrivateServerAsync() => await StartServerAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<RedisServer> StartServerAsync()
    {
        var server = await RedisServer.StartAsync();
        diagnostics.OnMessage(new Diagnostic($"redis-server {server.Version} started on 127.0.0.1:{server.Port} (pid {server.ProcessId})"));
        return server;
    }

    // xunit prints these when xunit.runner.json sets "diagnosticMessages": true.
    private sealed record Diagnostic(string Message) : IDiagnosticMessage;
}
