using System.Net;
using System.Text.Json;
using Orchestrator.Host.Tests.Infrastructure;

namespace Orchestrator.Host.Tests.Health;

[Collection(ApiHostFixture.Collection)]
public sealed class HealthTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Live_IsHealthy_WhileTheProcessRuns()
    {
        var (status, body) = await fixture.Host.SendAsync(HttpMethod.Get, "health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("process", Assert.Single(body.GetProperty("checks").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ready_ListsDatabaseStateAndSwitch_AndIsHealthyOnceTheSimulatorIsConnected()
    {
        var body = await Eventually.JsonAsync(
            async () =>
            {
                var (status, json) = await fixture.Host.SendAsync(HttpMethod.Get, "health/ready");
                return status == HttpStatusCode.OK ? json : null;
            },
            "/health/ready to answer 200");

        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal(["database", "state", "switch"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));
        Assert.Equal("Ready", checks["switch"].GetProperty("data").GetProperty("state").GetString());
        Assert.Equal("simulator-ami", checks["switch"].GetProperty("data").GetProperty("adapter").GetString());
    }
}

/// <summary>A host whose Asterisk does not answer: alive, but not ready.</summary>
public sealed class HealthWithoutSwitchTests : IAsyncLifetime
{
    private RunningHost? _host;

    public async Task InitializeAsync()
    {
        var closedPort = TestSupport.FreeTcpPort.Next();
        _host = await RunningHost.StartAsync(
        [
            "--Switch:Type=AsteriskAmi",
            "--Switch:Ami:Host=127.0.0.1",
            $"--Switch:Ami:Port={closedPort}",
            "--Switch:Ami:Username=orchestrator",
            "--Switch:Ami:Secret=secret",
            "--Switch:Ami:ConnectTimeout=00:00:01",
        ]);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ready_IsUnavailable_AndNamesTheSwitch_WhileLiveStaysHealthy()
    {
        var (liveStatus, _) = await _host!.SendAsync(HttpMethod.Get, "health/live");
        var (readyStatus, body) = await _host.SendAsync(HttpMethod.Get, "health/ready");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["switch"]);
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["state"]);
    }
}
