using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Simulator.Ami;

namespace Orchestrator.Protocols.Ami.Tests.Client;

/// <summary>The client against the simulated Asterisk when things go wrong.</summary>
public sealed class AmiClientFaultTests
{
    [Fact]
    public async Task SlowConsumer_KeepsMemoryBounded_CountsWhatItDrops_AndTheConnectionSurvives()
    {
        await using var simulator = StartSimulator();
        await using var client = NewClient(simulator.Port, o => o.EventQueueCapacity = 1_000);
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        // Nobody reads Events while 20,000 arrive.
        for (var i = 0; i < 20_000; i++)
        {
            simulator.Control.Inject(UserEvent(i));
        }

        await client.SendAsync(new AmiAction("Ping"), CancellationToken.None);
        await WaitUntilAsync(() => client.DroppedEvents + client.Events.Count >= 20_000 + 2);

        Assert.True(client.Events.Count <= 1_000, $"{client.Events.Count} events buffered");
        Assert.True(client.DroppedEvents >= 19_000, $"only {client.DroppedEvents} dropped");
        Assert.Equal(1, client.Generation);

        // The newest events are the ones kept: the last injected is still there.
        var last = (await DrainAsync(client)).Last(m => m.EventName == "UserEvent");
        Assert.Equal("19999", last["Seq"]);
    }

    [Fact]
    public async Task SlowConsumer_WithReconnectPolicy_DropsTheConnection_AndComesBackInANewGeneration()
    {
        await using var simulator = StartSimulator();
        await using var client = NewClient(simulator.Port, o =>
        {
            o.EventQueueCapacity = 100;
            o.OverflowPolicy = AmiOverflowPolicy.Reconnect;
        });
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        for (var i = 0; i < 500; i++)
        {
            simulator.Control.Inject(UserEvent(i));
        }

        await WaitUntilAsync(() => client.Generation >= 2 && client.State == AmiConnectionState.Ready);

        // What was queued from the old connection is gone; the new connection's events flow.
        Assert.True(client.DroppedEvents >= 100, $"{client.DroppedEvents} dropped");
        var fresh = await client.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(fresh.Generation >= 2, $"event of generation {fresh.Generation}");
    }

    [Fact]
    public async Task MalformedAndOversizedFrames_AreSkippedAndCounted_AndTheConnectionSurvives()
    {
        await using var simulator = StartSimulator();
        await using var client = NewClient(simulator.Port, o => o.MaxFrameBytes = 4_096);
        using var rejected = new RejectedFramesListener();
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await DrainAsync(client);

        simulator.Control.Inject(new AmiMessageBuilder().Add("Garbage", "no event header").Build());
        simulator.Control.Inject(new AmiMessageBuilder().Add("Event", "Huge").Add("Data", new string('x', 10_000)).Build());
        simulator.Control.Inject(UserEvent(1));

        // The login's own events (FullyBooted, SuccessfulAuth) may still be queued: the first UserEvent is ours.
        AmiMessage next;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            do
            {
                next = await client.Events.ReadAsync(timeout.Token);
            }
            while (next.EventName != "UserEvent");
        }

        Assert.Equal("1", next["Seq"]);
        Assert.Equal(1, client.Generation);
        Assert.True(rejected.Count >= 2, $"{rejected.Count} frames counted as rejected");
        await client.SendAsync(new AmiAction("Ping"), CancellationToken.None);
    }

    [Fact]
    public async Task WrongSecret_IsAClearErrorNamingTheUserAndWhereToLook()
    {
        await using var simulator = StartSimulator();
        await using var client = NewClient(simulator.Port, o => o.Secret = "not-the-secret");
        await client.StartAsync(CancellationToken.None);

        await WaitUntilAsync(() => client.LastError is not null);

        Assert.Contains("refused the AMI login of 'orchestrator': Authentication failed", client.LastError, StringComparison.Ordinal);
        Assert.NotEqual(AmiConnectionState.Ready, client.State);
    }

    [Fact]
    public async Task ActionSentFromTheEventLoop_DoesNotDeadlock()
    {
        // The classic dialer bug: an event handler sends an action and waits for its response while the
        // reader that would deliver that response is busy running the handler.
        await using var simulator = StartSimulator();
        await using var client = NewClient(simulator.Port);
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await DrainAsync(client);
        for (var i = 0; i < 50; i++)
        {
            simulator.Control.Inject(UserEvent(i));
        }

        var answered = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (answered < 50)
        {
            var message = await client.Events.ReadAsync(timeout.Token);
            if (message.EventName == "UserEvent")
            {
                await client.SendAsync(new AmiAction("Ping"), timeout.Token);
                answered++;
            }
        }

        Assert.Equal(50, answered);
    }

    [Fact]
    public async Task KeepalivePingUnanswered_DropsTheConnection_AndReconnects()
    {
        await using var simulator = StartSimulator();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var client = NewClient(simulator.Port, o =>
        {
            o.KeepaliveInterval = TimeSpan.FromSeconds(15);
            o.ActionTimeout = TimeSpan.FromSeconds(5);
        }, time);
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        simulator.Control.DelayAction("Ping", TimeSpan.FromHours(1));
        var dispatched = simulator.Control.Counters.ActionsDispatched;

        time.Advance(TimeSpan.FromSeconds(15));
        await WaitUntilAsync(() => simulator.Control.Counters.ActionsDispatched > dispatched);
        time.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => client.State != AmiConnectionState.Ready || client.Generation > 1);
        simulator.Control.ClearFaults();
        for (var i = 0; i < 20 && client.Generation < 2; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1)); // the reconnect delay runs on the fake clock too
            await Task.Delay(50);
        }

        await WaitUntilAsync(() => client.Generation >= 2 && client.State == AmiConnectionState.Ready);
        var changes = new List<AmiConnectionChange>();
        while (client.ConnectionChanges.TryRead(out var change))
        {
            changes.Add(change);
        }

        Assert.Contains(changes, c => c.State == AmiConnectionState.Disconnected && c.Generation == 1 && (c.Reason ?? string.Empty).Contains("keepalive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingListening_IsAClearConnectError_AndTheClientKeepsTrying()
    {
        // A port that was free a moment ago: the connect is refused at once.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var client = NewClient(port);
        await client.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => client.LastError is not null);

        Assert.NotEqual(AmiConnectionState.Ready, client.State);
        Assert.Contains("refused", client.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AsteriskStopsReading_ABlockedSendDropsTheConnectionAfterTheActionTimeout_AndTheClientComesBack()
    {
        await using var simulator = StartSimulator();
        await using var client = NewClient(simulator.Port, o => o.ActionTimeout = TimeSpan.FromSeconds(1));
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        // The session's processor hangs on a Ping; its queue fills, then its reader stops, then the socket buffers fill.
        simulator.Control.DelayAction("Ping", TimeSpan.FromHours(1));
        var sends = new List<Task> { client.SendAsync(new AmiAction("Ping"), CancellationToken.None) };
        var value = new string('x', 64 * 1024);

        // On a thread of its own: the send that finds the socket full blocks its caller until the action timeout.
        await Task.Run(() =>
        {
            for (var i = 0; i < 2_000 && client.Generation == 1 && client.State == AmiConnectionState.Ready; i++)
            {
                sends.Add(client.SendAsync(new AmiAction("Setvar").Add("Variable", "LARGE").Add("Value", value), CancellationToken.None));
            }
        }).WaitAsync(TimeSpan.FromSeconds(20));

        await WaitUntilAsync(() => client.Generation > 1 || client.State != AmiConnectionState.Ready);
        var failures = await Task.WhenAll(sends.Select(async send => await Record.ExceptionAsync(() => send)));
        Assert.All(failures, failure => Assert.True(failure is AmiException, $"{failure?.GetType().Name}: {failure?.Message}"));

        simulator.Control.ClearFaults();
        await WaitUntilAsync(() => client.Generation >= 2 && client.State == AmiConnectionState.Ready);
        Assert.Equal("Success", (await client.SendAsync(new AmiAction("Ping"), CancellationToken.None)).ResponseStatus);
        var changes = new List<AmiConnectionChange>();
        while (client.ConnectionChanges.TryRead(out var change))
        {
            changes.Add(change);
        }

        Assert.Contains(changes, c => c.State == AmiConnectionState.Disconnected && c.Generation == 1 && (c.Reason ?? string.Empty).Contains("not reading", StringComparison.Ordinal));
    }

    private static AsteriskAmiSimulator StartSimulator()
    {
        var simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions { Port = 0, AuthFailureDelay = TimeSpan.FromMilliseconds(50) });
        simulator.Start();
        return simulator;
    }

    private static AmiClient NewClient(int port, Action<AmiClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new AmiClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "orchestrator",
            Secret = "secret",
            KeepaliveInterval = TimeSpan.Zero,
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        return new AmiClient(options, time ?? TimeProvider.System, NullLogger<AmiClient>.Instance);
    }

    private static AmiMessage UserEvent(int sequence) =>
        new AmiMessageBuilder().Add("Event", "UserEvent").Add("Privilege", "user,all").Add("UserEvent", "Load").Add("Seq", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)).Build();

    private static async Task<List<AmiMessage>> DrainAsync(AmiClient client)
    {
        var drained = new List<AmiMessage>();
        await Task.Delay(200);
        while (client.Events.TryRead(out var message))
        {
            drained.Add(message);
        }

        return drained;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "condition not reached within 10 s");
    }

    /// <summary>Counts the client's <c>ami.frames.rejected</c> metric.</summary>
    private sealed class RejectedFramesListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public RejectedFramesListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Orchestrator.Ami" && instrument.Name == "ami.frames.rejected")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
