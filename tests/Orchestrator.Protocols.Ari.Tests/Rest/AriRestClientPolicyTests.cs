using System.Net;
using Orchestrator.Protocols.Ari.Rest;
using Orchestrator.Protocols.Ari.Tests.Support;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ari.Tests.Rest;

/// <summary>
/// What is retried and what is not: GETs and channel hangups may be sent again after a transient failure;
/// a POST is sent once, and a lost response to it is "outcome unknown", never a silent second originate.
/// </summary>
public sealed class AriRestClientPolicyTests
{
    private static readonly AriOriginateRequest Originate = new()
    {
        Endpoint = "Local/5551230@sim-customers",
        App = "orchestrator",
        AppArgs = ["lead-200", "camp7"],
        ChannelId = "lead-200-a",
        OtherChannelId = "lead-200-b",
        TimeoutSeconds = 30,
        Variables = new Dictionary<string, string> { ["LEAD_ID"] = "200" },
    };

    [Fact]
    public async Task OriginateWhoseResponseNeverComes_IsOutcomeUnknown_AndIsSentExactlyOnce()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answering = AnswerAll(server, r => r.Hang(), timeout.Token);

        var error = await Assert.ThrowsAsync<AriRequestTimeoutException>(() => host.Rest.OriginateAsync(Originate, timeout.Token));

        Assert.IsAssignableFrom<AriOutcomeUnknownException>(error);
        Assert.Contains("NOT retried", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Seen, r => r.Method == "POST" && r.Target.StartsWith("/ari/channels?", StringComparison.Ordinal));
        Assert.Single(server.Seen);
        Assert.Equal("{\"variables\":{\"LEAD_ID\":\"200\"}}", server.Seen[0].BodyText);
    }

    [Fact]
    public async Task OriginateWhoseConnectionDropsBeforeTheResponse_IsOutcomeUnknown_AndIsSentExactlyOnce()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answering = AnswerAll(server, r => r.Drop(), timeout.Token);

        var error = await Assert.ThrowsAsync<AriConnectionLostException>(() => host.Rest.OriginateAsync(Originate, timeout.Token));

        Assert.IsAssignableFrom<AriOutcomeUnknownException>(error);
        Assert.Single(server.Seen);
    }

    [Fact]
    public async Task CreateChannelAnswered503_IsNotRetried()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answering = AnswerAll(server, r => r.Respond(503, "Service Unavailable", "{\"message\":\"Asterisk is shutting down\"}"), timeout.Token);

        var error = await Assert.ThrowsAsync<AriRequestException>(() => host.Rest.CreateChannelAsync(
            new AriCreateChannelRequest { Endpoint = "Local/5551236@sim-customers", App = "orchestrator", ChannelId = "lead-211-a" }, timeout.Token));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("Asterisk is shutting down", error.AsteriskMessage);
        Assert.Single(server.Seen);
    }

    [Fact]
    public async Task GetWhoseResponseNeverComes_IsRetried_ThenTimesOut()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answering = AnswerAll(server, r => r.Hang(), timeout.Token);

        await Assert.ThrowsAsync<AriRequestTimeoutException>(() => host.Rest.ListChannelsAsync(timeout.Token));

        // At least one retry went out (the last one may be aborted before the server reads it).
        Assert.InRange(server.Seen.Count(r => r.Method == "GET"), 2, 1 + host.Options.IdempotentRetries);
    }

    [Fact]
    public async Task GetAnswered503EveryTime_IsRetriedTheConfiguredNumberOfTimes_ThenFails()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answering = AnswerAll(server, r => r.Respond(503, "Service Unavailable"), timeout.Token);

        var error = await Assert.ThrowsAsync<AriRequestException>(() => host.Rest.GetChannelAsync("lead-200-a", timeout.Token));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1 + host.Options.IdempotentRetries, server.Seen.Count);
    }

    [Fact]
    public async Task Get503WhileAsteriskStarts_IsRetried_AndSucceeds()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var count = 0;
        var answering = AnswerAll(server, r =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                r.Respond(503, "Service Unavailable");
            }
            else
            {
                r.Respond(200, "OK", "{\"ping\":\"pong\",\"timestamp\":\"2026-11-23T19:52:12.605+0000\",\"asterisk_id\":\"00:00:5e:00:53:01\"}");
            }
        }, timeout.Token);

        var ping = await host.Rest.PingAsync(timeout.Token);

        Assert.Equal("pong", ping.Ping);
        Assert.Equal("00:00:5e:00:53:01", ping.AsteriskId);
        Assert.Equal(2, server.Seen.Count);
    }

    [Fact]
    public async Task ChannelHangupAnswered503_IsRetried_AndSucceeds()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var count = 0;
        var answering = AnswerAll(server, r =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                r.Respond(503, "Service Unavailable");
            }
            else
            {
                r.Respond(204, "No Content");
            }
        }, timeout.Token);

        await host.Rest.HangupChannelAsync("lead-211-a", reasonCode: null, reason: "busy", timeout.Token);

        Assert.Equal(2, server.Seen.Count);
        Assert.All(server.Seen, r => Assert.Equal("DELETE /ari/channels/lead-211-a?reason=busy HTTP/1.1", r.StartLine));
    }

    [Fact]
    public async Task BridgeDestroyAnswered503_IsNotRetried()
    {
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answering = AnswerAll(server, r => r.Respond(503, "Service Unavailable"), timeout.Token);

        var error = await Assert.ThrowsAsync<AriRequestException>(() => host.Rest.DestroyBridgeAsync("br-lead-220", timeout.Token));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Null(error.AsteriskMessage);
        Assert.Single(server.Seen);
    }

    [Fact]
    public async Task NothingListening_IsNotConnected_TheRequestWasNotSent()
    {
        await using var host = AriTestHost.Create(FreeTcpPort.Next(), Short);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<AriNotConnectedException>(() => host.Rest.OriginateAsync(Originate, timeout.Token));

        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hangup_WithBothReasonCodeAndReason_IsRejectedBeforeSending()
    {
        var options = new AriClientOptions { Host = "127.0.0.1", Username = "u", Password = "p" };
        using var http = new HttpClient();
        var rest = new AriRestClient(http, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<AriRestClient>.Instance);
        Assert.Throws<ArgumentException>(() => { _ = rest.HangupChannelAsync("x", 16, "busy", CancellationToken.None); });
        Assert.Equal(new Uri("http://127.0.0.1:8088/ari/"), http.BaseAddress);
    }

    private static void Short(AriClientOptions options)
    {
        options.RequestTimeout = TimeSpan.FromSeconds(1);
        options.TotalRequestTimeout = TimeSpan.FromSeconds(5);
        options.IdempotentRetries = 2;
    }

    private static async Task AnswerAll(LoopbackAriServer server, Action<IncomingRequest> answer, CancellationToken ct)
    {
        try
        {
            await foreach (var request in server.Requests.ReadAllAsync(ct))
            {
                answer(request);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
