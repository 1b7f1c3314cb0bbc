using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Orchestrator.Simulator.Ari;

namespace Orchestrator.Simulator.Tests.Ari.Support;

/// <summary>A plain client of the simulator: REST through HttpClient, the events socket through a raw connection.</summary>
internal sealed class AriTestClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly List<string> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private RawConnection? _socket;
    private Task _reader = Task.CompletedTask;

    private AriTestClient(int port)
    {
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/ari/"), Timeout = RawConnection.Patience };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("orchestrator:ari-secret"u8.ToArray()));
    }

    public static async Task<AriTestClient> ConnectAsync(AsteriskAriSimulator simulator, string application = "orchestrator")
    {
        var client = new AriTestClient(simulator.Port);
        var socket = await RawConnection.OpenAsync(simulator.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"GET /ari/events?app={application} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAuthorization: Basic b3JjaGVzdHJhdG9yOmFyaS1zZWNyZXQ=\r\n\r\n"));
        var response = await socket.ReadResponseAsync();
        Assert.Equal(101, response.Status);
        client._socket = socket;
        client._reader = client.ReadEventsAsync();
        return client;
    }

    public async Task<(int Status, string Body)> SendAsync(HttpMethod method, string pathAndQuery, string? json = null)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The events received so far about <paramref name="channelId"/>: type (and cause for ChannelDestroyed).</summary>
    public List<string> EventsOf(string channelId)
    {
        lock (_events)
        {
            var labels = new List<string>();
            foreach (var text in _events)
            {
                var e = JsonDocument.Parse(text).RootElement;
                if ((e.TryGetProperty("channel", out var c) || e.TryGetProperty("peer", out c)) && c.GetProperty("id").GetString() == channelId)
                {
                    var type = e.GetProperty("type").GetString()!;
                    labels.Add(type == "ChannelDestroyed" ? $"{type}:{e.GetProperty("cause").GetInt32()}" : type);
                }
            }

            return labels;
        }
    }

    public async Task<JsonElement> WaitForEventAsync(Func<JsonElement, bool> match, string what)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (Environment.TickCount64 < deadline)
        {
            lock (_events)
            {
                foreach (var text in _events)
                {
                    var element = JsonDocument.Parse(text).RootElement;
                    if (match(element))
                    {
                        return element;
                    }
                }
            }

            await Task.Delay(10);
        }

        Assert.Fail($"Timed out waiting for {what}; events: {string.Join(" | ", _events)}");
        return default;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        if (_socket is not null)
        {
            await _socket.DisposeAsync();
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            while (await _socket!.ReadFrameAsync(_stop.Token) is { } frame)
            {
                if (frame.Opcode == 1)
                {
                    lock (_events)
                    {
                        _events.Add(Encoding.UTF8.GetString(frame.Payload));
                    }
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            // Closed by the test, or dropped by the simulator.
        }
    }
}
