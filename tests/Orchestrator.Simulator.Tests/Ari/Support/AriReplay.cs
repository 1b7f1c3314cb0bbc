using Microsoft.Extensions.Time.Testing;
using Orchestrator.Simulator.Ari;

namespace Orchestrator.Simulator.Tests.Ari.Support;

/// <summary>What the simulator answered when a recording's requests were replayed against it.</summary>
internal sealed record AriReplayResult(AriRecording Recording, List<(RecordedExchange Recorded, List<HttpWireMessage> Answered)> Exchanges, List<string> Events);

/// <summary>
/// Replays a recording's requests against the simulator, byte for byte and at their recorded times on a fake clock
/// (the clock moves to each request's time before it is sent, and to the recording's end at the end), and collects
/// what the simulator answered and every event its events socket delivered.
/// </summary>
internal static class AriReplay
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 23, 19, 52, 12, TimeSpan.Zero);

    public static async Task<AriReplayResult> RunAsync(string fixture)
    {
        var recording = AriRecording.Load(fixture);
        var time = new FakeTimeProvider(Epoch);
        await using var simulator = new AsteriskAriSimulator(new AsteriskAriSimulatorOptions { Seed = 7 }, time);
        simulator.Start();
        var connections = new Dictionary<string, RawConnection>(StringComparer.Ordinal);
        var exchanges = new List<(RecordedExchange, List<HttpWireMessage>)>();
        var events = new List<string>();
        using var stop = new CancellationTokenSource();
        Task reader = Task.CompletedTask;
        RawConnection? socket = null;
        try
        {
            foreach (var exchange in recording.Exchanges)
            {
                AdvanceTo(time, exchange.At);
                if (!connections.TryGetValue(exchange.Connection, out var connection))
                {
                    connections[exchange.Connection] = connection = await RawConnection.OpenAsync(simulator.Port);
                }

                await connection.SendAsync(exchange.RequestBytes);
                var answered = new List<HttpWireMessage>();
                for (var i = 0; i < exchange.Responses.Count; i++)
                {
                    answered.Add(await connection.ReadResponseAsync());
                }

                exchanges.Add((exchange, answered));
                if (answered is [{ Status: 101 }, ..])
                {
                    socket = connection;
                    reader = ReadEventsAsync(connection, events, stop.Token);
                }
            }

            AdvanceTo(time, recording.End);
            await WaitForAsync(() => Count(events) >= recording.Events.Count);
            await Task.Delay(100);
            await stop.CancelAsync();
            await reader;
            if (socket is not null)
            {
                await socket.SendCloseAsync();
            }
        }
        finally
        {
            foreach (var connection in connections.Values)
            {
                await connection.DisposeAsync();
            }
        }

        lock (events)
        {
            return new AriReplayResult(recording, exchanges, [.. events]);
        }
    }

    private static void AdvanceTo(FakeTimeProvider time, TimeSpan offset)
    {
        var by = Epoch + offset - time.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            time.Advance(by);
        }
    }

    private static int Count(List<string> events)
    {
        lock (events)
        {
            return events.Count;
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }

    private static async Task ReadEventsAsync(RawConnection connection, List<string> events, CancellationToken stop)
    {
        try
        {
            while (await connection.ReadFrameAsync(stop) is { } frame)
            {
                if (frame.Opcode == 1)
                {
                    lock (events)
                    {
                        events.Add(System.Text.Encoding.UTF8.GetString(frame.Payload));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
