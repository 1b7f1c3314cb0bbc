using System.Text.Json;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Protocols.Ari.Rest;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>
/// Replays a transcript on both ends at once: the server plays Asterisk's side step by step (it waits for
/// each recorded request and checks the client sent the same), and the driver plays the recorder's side
/// through the typed client (it makes each recorded call and reads each recorded event, in order).
/// </summary>
internal static class AriReplay
{
    /// <summary>Asterisk's side: answer each request with the recorded bytes, send each recorded frame.</summary>
    public static async Task ServeAsync(LoopbackAriServer server, IReadOnlyList<AriStep> steps, List<string> mismatches, CancellationToken ct)
    {
        WsSession? socket = null;
        foreach (var step in steps)
        {
            switch (step)
            {
                case AriStep.Upgrade upgrade:
                    var incoming = await server.Upgrades.ReadAsync(ct);
                    Compare(upgrade.Request, incoming.Request, mismatches);
                    if (upgrade.Response.Status == 101)
                    {
                        socket = await incoming.AcceptAsync();
                    }
                    else
                    {
                        incoming.Reject(upgrade.Response.Raw);
                    }

                    break;

                case AriStep.Event frame:
                    await socket!.SendRawAsync([.. frame.Header, .. frame.Payload]);
                    break;

                case AriStep.Exchange exchange:
                    var request = await server.Requests.ReadAsync(ct);
                    Compare(exchange.Request, request.Request, mismatches);
                    request.Respond(exchange.Response.Raw);
                    break;
            }
        }
    }

    /// <summary>The recorder's side, through the client: every call made, every event read and checked, in order.</summary>
    public static async Task DriveAsync(AriClient? client, AriRestClient rest, IReadOnlyList<AriStep> steps, CancellationToken ct)
    {
        var eventsSeen = 0;
        foreach (var step in steps)
        {
            switch (step)
            {
                case AriStep.Upgrade:
                    await client!.WaitUntilReadyAsync(ct);
                    break;

                case AriStep.Event frame:
                    var evt = await client!.Events.ReadAsync(ct);
                    eventsSeen++;
                    Assert.True(frame.Text == evt.Json.GetRawText(), $"event {eventsSeen}: expected {frame.Text}, got {evt.Json.GetRawText()}");
                    Assert.Equal(1, evt.Generation);
                    break;

                case AriStep.Exchange exchange:
                    await CallAndCheckAsync(rest, exchange, ct);
                    break;
            }
        }
    }

    public static async Task CallAndCheckAsync(AriRestClient rest, AriStep.Exchange exchange, CancellationToken ct)
    {
        object? result = null;
        AriException? error = null;
        try
        {
            result = await RecordedCalls.InvokeAsync(rest, exchange.Request, ct);
        }
        catch (AriException e)
        {
            error = e;
        }

        var status = exchange.Response.Status;
        if (status is >= 200 and < 300)
        {
            Assert.True(error is null, $"{exchange.Request}: {error?.Message}");
            RecordedCalls.AssertCovers(exchange.Response, result);
            return;
        }

        var failure = Assert.IsAssignableFrom<AriRequestException>(error);
        Assert.Equal(status, (int)failure.StatusCode);
        Assert.Equal(AriErrorMessage.Read(exchange.Response.Body, exchange.Response.Header("Content-type")), failure.AsteriskMessage);
        Assert.Contains(failure.AsteriskMessage!, failure.Message, StringComparison.Ordinal);
        switch (status)
        {
            case 404:
                Assert.IsType<AriNotFoundException>(failure);
                break;
            case 401:
                Assert.IsType<AriAuthenticationException>(failure);
                Assert.Contains("ari.conf", failure.Message, StringComparison.Ordinal);
                break;
            default:
                Assert.IsType<AriRequestException>(failure);
                break;
        }
    }

    private static void Compare(HttpMessage recorded, HttpMessage actual, List<string> mismatches)
    {
        var expected = RequestTarget.Parse(recorded.Target);
        var got = RequestTarget.Parse(actual.Target);
        if (recorded.Method != actual.Method || !expected.SameAs(got))
        {
            mismatches.Add($"expected {recorded.Method} {expected}, got {actual.Method} {got}");
        }

        if (recorded.Header("Authorization") != actual.Header("Authorization"))
        {
            mismatches.Add($"{recorded.StartLine}: Authorization '{actual.Header("Authorization")}', recorded '{recorded.Header("Authorization")}'");
        }

        if (recorded.Body.Length == 0 ? actual.Body.Length != 0 : !JsonElement.DeepEquals(JsonDocument.Parse(recorded.Body).RootElement, JsonDocument.Parse(actual.Body).RootElement))
        {
            mismatches.Add($"{recorded.StartLine}: body '{actual.BodyText}', recorded '{recorded.BodyText}'");
        }

        if (recorded.Body.Length > 0 && actual.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            mismatches.Add($"{recorded.StartLine}: Content-Type '{actual.Header("Content-Type")}'");
        }
    }
}
