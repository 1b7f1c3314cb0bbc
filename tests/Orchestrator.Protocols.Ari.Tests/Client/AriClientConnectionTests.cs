using System.Text;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Protocols.Ari.Tests.Support;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ari.Tests.Client;

/// <summary>The events socket's life cycle against a loopback server that misbehaves on command.</summary>
public sealed class AriClientConnectionTests
{
    private static readonly List<AriStep.Event> Recorded = AriScript.Events(AriScript.Load("ari-originate-answered.txt"));

    [Fact]
    public async Task MessageSplitOverSeveralFrames_WithAPingBetween_IsReassembledIntoOneEvent()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var socket = await StartAsync(host, server, timeout.Token);

        await socket.SendFragmentedAsync(Recorded[0].Payload, parts: 5, pingBetween: true);
        await socket.SendFragmentedAsync(Recorded[1].Payload, parts: 2);

        Assert.Equal(Recorded[0].Text, (await host.Client.Events.ReadAsync(timeout.Token)).Json.GetRawText());
        Assert.Equal(Recorded[1].Text, (await host.Client.Events.ReadAsync(timeout.Token)).Json.GetRawText());
        Assert.Equal(0, host.Client.RejectedMessages);
    }

    [Fact]
    public async Task MalformedEvents_AreSkippedAndCounted_AndTheConnectionSurvives()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var socket = await StartAsync(host, server, timeout.Token);

        await socket.SendTextAsync(Recorded[0].Text);
        await socket.SendTextAsync("{\"type\":\"Dial\",\"peer\":{");
        await socket.SendTextAsync("[1,2,3]");
        await socket.SendTextAsync("{\"no\":\"type\"}");
        await socket.SendTextAsync(Recorded[1].Text);

        Assert.Equal(Recorded[0].Text, (await host.Client.Events.ReadAsync(timeout.Token)).Json.GetRawText());
        var after = await host.Client.Events.ReadAsync(timeout.Token);
        Assert.Equal(Recorded[1].Text, after.Json.GetRawText());
        Assert.Equal(3, host.Client.RejectedMessages);
        Assert.Equal(1, after.Generation);
        Assert.True(host.Client.IsHealthy);
    }

    [Fact]
    public async Task OversizedMessage_IsSkippedAndCounted_AndTheNextEventArrives()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, o => o.MaxMessageBytes = 1024);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var socket = await StartAsync(host, server, timeout.Token);

        var huge = "{\"type\":\"ChannelVarset\",\"value\":\"" + new string('x', 40_000) + "\"}";
        await socket.SendFragmentedAsync(Encoding.UTF8.GetBytes(huge), parts: 3);
        await socket.SendTextAsync(Recorded[2].Text);

        Assert.Equal(Recorded[2].Text, (await host.Client.Events.ReadAsync(timeout.Token)).Json.GetRawText());
        Assert.Equal(1, host.Client.RejectedMessages);
        Assert.True(host.Client.IsHealthy);
    }

    [Fact]
    public async Task ServerDropsTheSocket_ClientReconnects_WithANewGeneration_AndAsksForAResync()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var first = await StartAsync(host, server, timeout.Token);
        await first.SendTextAsync(Recorded[0].Text);
        Assert.Equal(1, (await host.Client.Events.ReadAsync(timeout.Token)).Generation);

        first.Drop();
        var second = await (await server.Upgrades.ReadAsync(timeout.Token)).AcceptAsync();
        var ready = await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Ready && c.Generation == 2, timeout.Token);
        await second.SendTextAsync(Recorded[1].Text);

        var evt = await host.Client.Events.ReadAsync(timeout.Token);
        Assert.Equal(Recorded[1].Text, evt.Json.GetRawText());
        Assert.Equal(2, evt.Generation);
        Assert.True(ready.ResyncNeeded);
        Assert.Equal(2, host.Client.Generation);
        Assert.True(host.Client.IsHealthy);
    }

    [Fact]
    public async Task AsteriskClosesTheSocket_ClientAcknowledgesAndReconnects()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var first = await StartAsync(host, server, timeout.Token);

        await first.CloseAsync(1001);
        await first.Closed.WaitAsync(timeout.Token);
        var lost = await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Disconnected, timeout.Token);
        await (await server.Upgrades.ReadAsync(timeout.Token)).AcceptAsync();
        await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Ready && c.Generation == 2, timeout.Token);

        Assert.Contains("1001", lost.Reason, StringComparison.Ordinal);
        Assert.Contains("close 1000", first.Received);
    }

    [Fact]
    public async Task AsteriskRestarting_503And404ThenUp_ClientKeepsTryingAndBecomesReady()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Client.StartAsync(timeout.Token);

        (await server.Upgrades.ReadAsync(timeout.Token)).Reject(503, "Service Unavailable");
        var notYet = await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Disconnected, timeout.Token);
        (await server.Upgrades.ReadAsync(timeout.Token)).Reject(404, "Not Found");
        (await server.Upgrades.ReadAsync(timeout.Token)).Reject(503, "Service Unavailable");
        var socket = await (await server.Upgrades.ReadAsync(timeout.Token)).AcceptAsync();
        await host.Client.WaitUntilReadyAsync(timeout.Token);
        await socket.SendTextAsync(Recorded[0].Text);

        Assert.Contains("503", notYet.Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await host.Client.Events.ReadAsync(timeout.Token)).Generation);
        Assert.Equal(4, server.Seen.Count);
        Assert.True(host.Client.IsHealthy);
        Assert.Null(host.Client.LastError);
    }

    [Fact]
    public async Task AsteriskNotListeningYet_ConnectionRefused_ClientKeepsTryingUntilItIsUp()
    {
        var port = FreeTcpPort.Next();
        await using var host = AriTestHost.Create(port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Client.StartAsync(timeout.Token);
        var refused = await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Disconnected, timeout.Token);

        await using var server = new LoopbackAriServer(port);
        await (await server.Upgrades.ReadAsync(timeout.Token)).AcceptAsync();
        await host.Client.WaitUntilReadyAsync(timeout.Token);

        Assert.Contains("refused", refused.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.True(host.Client.IsHealthy);
    }

    [Fact]
    public async Task ConsumerFallsBehind_DropOldest_CountsTheDropsAndKeepsTheNewest()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, o => o.EventQueueCapacity = 4);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var socket = await StartAsync(host, server, timeout.Token);

        for (var i = 0; i < 10; i++)
        {
            await socket.SendTextAsync(Recorded[i].Text);
        }

        while (host.Client.DroppedEvents < 6)
        {
            await Task.Delay(10, timeout.Token);
        }

        for (var i = 6; i < 10; i++)
        {
            Assert.Equal(Recorded[i].Text, (await host.Client.Events.ReadAsync(timeout.Token)).Json.GetRawText());
        }

        Assert.Equal(6, host.Client.DroppedEvents);
        Assert.True(host.Client.IsHealthy);
    }

    [Fact]
    public async Task ConsumerFallsBehind_Reconnect_DropsTheSocketAndComesBackWithANewGeneration()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, o =>
        {
            o.EventQueueCapacity = 2;
            o.OverflowPolicy = AriOverflowPolicy.Reconnect;
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var socket = await StartAsync(host, server, timeout.Token);
        for (var i = 0; i < 3; i++)
        {
            await socket.SendTextAsync(Recorded[i].Text);
        }

        var lost = await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Disconnected, timeout.Token);
        Assert.Equal(Recorded[0].Text, (await host.Client.Events.ReadAsync(timeout.Token)).Json.GetRawText());
        Assert.Equal(Recorded[1].Text, (await host.Client.Events.ReadAsync(timeout.Token)).Json.GetRawText());
        await (await server.Upgrades.ReadAsync(timeout.Token)).AcceptAsync();
        var ready = await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Ready, timeout.Token);

        Assert.Contains("fell behind", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(2, ready.Generation);
        Assert.True(ready.ResyncNeeded);
    }

    [Fact]
    public async Task Keepalive_PingsWhileReady_AndAPeerThatStopsAnsweringIsDroppedAndRedialed()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, o =>
        {
            o.KeepaliveInterval = TimeSpan.FromMilliseconds(100);
            o.KeepaliveTimeout = TimeSpan.FromMilliseconds(300);
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var first = await StartAsync(host, server, timeout.Token);
        while (!first.Received.Contains("ping"))
        {
            await Task.Delay(20, timeout.Token);
        }

        first.AnswerPings = false;
        var lost = await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Disconnected, timeout.Token);
        await (await server.Upgrades.ReadAsync(timeout.Token)).AcceptAsync();
        await AriClientReplayTests.NextChange(host.Client, c => c.State == AriConnectionState.Ready && c.Generation == 2, timeout.Token);

        Assert.NotNull(lost.Reason);
    }

    [Fact]
    public async Task Dispose_SendsANormalClose_AndStops()
    {
        await using var server = new LoopbackAriServer();
        var host = AriTestHost.Create(server.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var socket = await StartAsync(host, server, timeout.Token);
        var client = host.Client;

        await host.DisposeAsync();
        await socket.Closed.WaitAsync(timeout.Token);

        Assert.Contains("close 1000", socket.Received);
        Assert.Equal(AriConnectionState.Disconnected, client.State);
        Assert.False(client.IsHealthy);
        Assert.False(client.Events.TryRead(out _));
        Assert.True(client.Events.Completion.IsCompleted);
    }

    [Fact]
    public async Task EventsSocket_AsksForTheAppWithBasicAuth()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, o => o.Application = "dialer-7");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Client.StartAsync(timeout.Token);
        var upgrade = await server.Upgrades.ReadAsync(timeout.Token);
        await upgrade.AcceptAsync();

        Assert.Equal("/ari/events", upgrade.Target.Path);
        Assert.Equal("dialer-7", upgrade.Target["app"]);
        Assert.Equal("false", upgrade.Target["subscribeAll"]);
        Assert.Equal("Basic b3JjaGVzdHJhdG9yOmFyaS1zZWNyZXQ=", upgrade.Request.Header("Authorization"));
    }

    private static async Task<WsSession> StartAsync(AriTestHost host, LoopbackAriServer server, CancellationToken ct)
    {
        await host.Client.StartAsync(ct);
        var socket = await (await server.Upgrades.ReadAsync(ct)).AcceptAsync();
        await host.Client.WaitUntilReadyAsync(ct);
        return socket;
    }
}
