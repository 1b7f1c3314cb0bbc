using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Benchmarks.Fixtures;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ami;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// How many events per second AmiClient can receive and AmiSwitchAdapter can consume on one connection, with no
/// simulator in the process: a <see cref="ReplayServer"/> streams recorded events as fast as they are read. Also
/// what the pair allocates per event, against the size of the message itself.
/// </summary>
internal static class PipelineCapacity
{
    /// <param name="everyEvent">Turn the adapter's event filter off: the client makes a message of every event.</param>
    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<AmiMessage> events, ReceivedEventCounter received, TimeSpan measure, bool everyEvent)
    {
        await using var server = new ReplayServer(events);
        var client = new AmiClient(
            new AmiClientOptions { Host = "127.0.0.1", Port = server.Port, Username = "orchestrator", Secret = "secret", Authentication = AmiAuthentication.Plain, KeepaliveInterval = TimeSpan.Zero },
            TimeProvider.System,
            NullLogger<AmiClient>.Instance);
        var adapter = new AmiSwitchAdapter(client, new AmiSwitchOptions(), TimeProvider.System, NullLogger<AmiSwitchAdapter>.Instance);
        if (everyEvent)
        {
            client.EventFilter = null;
        }

        var how = everyEvent ? "every event" : "adapter's filter";
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = Task.Run(async () =>
        {
            await foreach (var switchEvent in adapter.Events.ReadAllAsync())
            {
                if (switchEvent is Orchestrator.Switching.Events.SwitchConnectionChanged { State: SwitchConnectionState.Ready })
                {
                    ready.TrySetResult();
                }
            }
        });

        await adapter.StartAsync(CancellationToken.None);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);

        using var stop = new CancellationTokenSource();
        var streaming = server.StreamAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System);

        var (at, got, dropped, queued, allocated) = (Stopwatch.GetTimestamp(), received.Received, client.DroppedEvents, client.Events.Count, GC.GetTotalAllocatedBytes(false));
        var ignored = client.IgnoredEvents;
        await Task.Delay(measure, TimeProvider.System);
        var seconds = Stopwatch.GetElapsedTime(at).TotalSeconds;
        var gotNow = received.Received - got;
        var droppedNow = client.DroppedEvents - dropped;
        var ignoredNow = client.IgnoredEvents - ignored;
        var consumed = gotNow - droppedNow - (client.Events.Count - queued);
        var allocatedPerEvent = (GC.GetTotalAllocatedBytes(false) - allocated) / (double)gotNow;

        await stop.CancelAsync();
        await streaming;
        await adapter.DisposeAsync();
        await consumer;

        var messageBytes = events.Average(FixtureMix.HeapSize);
        Console.WriteLine(
            $"event pipeline capacity ({how}; replay server, no simulator): AmiClient received {gotNow / seconds:N0} events/s, AmiSwitchAdapter consumed {consumed / seconds:N0}/s, " +
            $"dropped {droppedNow:N0} ({100.0 * droppedNow / Math.Max(1, gotNow):F1}%), ignored by the filter {ignoredNow:N0} ({100.0 * ignoredNow / Math.Max(1, gotNow):F1}%); {allocatedPerEvent:F0} B allocated per event received (the message itself: {messageBytes:F0} B)");
        return
        [
            Figure.Info($"AmiClient receive capacity (replay, {how})", gotNow / seconds, "events/s"),
            Figure.Info($"AmiSwitchAdapter consume capacity (replay, {how})", consumed / seconds, "events/s"),
            Figure.Info($"client + adapter allocated ({how}; message {messageBytes:F0})", allocatedPerEvent, "B/event"),
        ];
    }
}
