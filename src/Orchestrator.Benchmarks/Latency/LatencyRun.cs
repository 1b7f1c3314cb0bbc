using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Simulator.Ami;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ami;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// One run of the answer-to-bridge benchmark: AmiSwitchAdapter connected over loopback to the simulator, with
/// nailed-up agent legs; the harness plays the runtime (originate at a fixed rate, bridge each answered customer
/// into a free agent's conference the moment the Answered leg event arrives) while the simulator tops the
/// connection up with recorded background events.
/// </summary>
internal sealed class LatencyRun : IAsyncDisposable
{
    private readonly LatencyOptions _options;
    private readonly int _run;
    private readonly string _customerPrefix;
    private readonly IReadOnlyList<AmiMessage> _background;
    private readonly ReceivedEventCounter _received;
    private readonly GcPauseRecorder _gcPauses;
    private readonly WireStamps _stamps;
    private readonly AsteriskAmiSimulator _simulator;
    private readonly AmiClient _client;
    private readonly AmiSwitchAdapter _adapter;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<LegId> _idleAgents = new();
    private readonly IReadOnlyDictionary<string, string> _noVariables = new Dictionary<string, string>();
    private readonly CallerId _callerId = new("Campaign", "5550001");
    private Task _consumer = Task.CompletedTask;
    private int _agentsUp;
    private long _originated;
    private long _originateFailures;
    private long _customersEnded;
    private long _bridgeFailures;
    private long _noAgent;
    private long _agentsLost;

    private LatencyRun(LatencyOptions options, int run, IReadOnlyList<AmiMessage> background, ReceivedEventCounter received, GcPauseRecorder gcPauses)
    {
        _gcPauses = gcPauses;
        _options = options;
        _run = run;
        _customerPrefix = $"cust-{run}-";
        _background = background;
        _received = received;
        _stamps = new WireStamps(_customerPrefix);
        _simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions
        {
            Outcomes = LatencyOptions.Customers,
            AgentAnswerDelay = TimeSpan.FromMilliseconds(50),
            SafeHarborPlayback = TimeSpan.FromMilliseconds(500),
            FirstChannelSequence = 0x100000,
        });
        _simulator.Control.WireTap = _stamps;
        _simulator.Start();
        _client = new AmiClient(
            new AmiClientOptions { Host = "127.0.0.1", Port = _simulator.Port, Username = "orchestrator", Secret = "secret" },
            TimeProvider.System,
            NullLogger<AmiClient>.Instance);
        _adapter = new AmiSwitchAdapter(_client, new AmiSwitchOptions { DefaultTrunk = "PJSIP/{digits}@trunk" }, TimeProvider.System, NullLogger<AmiSwitchAdapter>.Instance);
    }

    public static async Task<LatencyResult> RunAsync(LatencyOptions options, int run, IReadOnlyList<AmiMessage> background, ReceivedEventCounter received, GcPauseRecorder gcPauses)
    {
        await using var harness = new LatencyRun(options, run, background, received, gcPauses);
        return await harness.RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _consumer;
        await _simulator.DisposeAsync();
    }

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static double Micros(long from, long to) => (to - from) * 1e6 / Stopwatch.Frequency;

    private static Task Delay(TimeSpan delay, CancellationToken token = default) => Task.Delay(delay, TimeProvider.System, token);

    private async Task<LatencyResult> RunAsync()
    {
        _consumer = Task.Run(ConsumeAsync);
        await _adapter.StartAsync(CancellationToken.None);
        await _ready.Task.WaitAsync(TimeSpan.FromSeconds(15), TimeProvider.System);
        await OpenAgentsAsync();

        var sentBase = _stamps.EventsWritten;
        var receivedBase = _received.Received;
        using var stopLoad = new CancellationTokenSource();
        var pacer = PaceAsync(stopLoad.Token);

        // Warm-up: the calls alone, to learn their own event rate.
        await Delay(_options.WarmUp / 2);
        var (callEventsFrom, callEventsAt) = (_stamps.EventsWritten, Stopwatch.GetTimestamp());
        await Delay(_options.WarmUp / 2);
        var callEventsPerSecond = (_stamps.EventsWritten - callEventsFrom) / Seconds(callEventsAt, Stopwatch.GetTimestamp());
        var backgroundPerSecond = Math.Max(0, _options.LoadEventsPerSecond - callEventsPerSecond);
        var injector = InjectAsync(backgroundPerSecond, stopLoad.Token);
        await Delay(_options.Settle);

        var window = Snapshot();
        await Delay(_options.Measure);
        var end = Snapshot();

        await stopLoad.CancelAsync();
        await Task.WhenAll(pacer, injector);
        var drained = await DrainAsync(sentBase, receivedBase);

        var result = Measure(window, end, callEventsPerSecond, backgroundPerSecond, sentBase, receivedBase);
        if (!drained)
        {
            Console.WriteLine($"run {_run}: not drained after the load stopped (legs or events still outstanding); the loss figures count them as lost");
        }

        return result;
    }

    private async Task OpenAgentsAsync()
    {
        var opens = Enumerable.Range(1, _options.Agents).Select(agent => _adapter.OpenAgentLegAsync(
            new AgentLegCommand(LegId.ForAgent(agent, _run), agent, $"PJSIP/agent{agent}", new CallerId("Desk", "0"), TimeSpan.FromSeconds(10)),
            CancellationToken.None));
        await Task.WhenAll(opens);
        for (var waited = 0; Volatile.Read(ref _agentsUp) < _options.Agents; waited++)
        {
            if (waited > 300)
            {
                throw new TimeoutException($"only {Volatile.Read(ref _agentsUp)} of {_options.Agents} agent legs answered");
            }

            await Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Originates customers at the fixed rate, catching up in a burst if the loop was late.</summary>
    private async Task PaceAsync(CancellationToken stop)
    {
        var start = Stopwatch.GetTimestamp();
        long issued = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * _options.OriginationsPerSecond);
            for (; issued < due; issued++)
            {
                _ = OriginateAsync(issued);
            }

            try
            {
                await Delay(TimeSpan.FromMilliseconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task OriginateAsync(long number)
    {
        var leg = new LegId(_customerPrefix + number.ToString(CultureInfo.InvariantCulture));
        var destination = "+1555" + (number % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        Interlocked.Increment(ref _originated);
        try
        {
            await _adapter.OriginateAsync(new OriginateCommand(leg, destination, _callerId, null, _options.RingTimeout, false, _noVariables), CancellationToken.None);
        }
        catch (SwitchException)
        {
            Interlocked.Increment(ref _originateFailures);
        }
    }

    /// <summary>Sends recorded events unrelated to the calls through the simulator's control surface, at a fixed rate.</summary>
    private async Task InjectAsync(double perSecond, CancellationToken stop)
    {
        if (perSecond <= 0 || _background.Count == 0)
        {
            return;
        }

        var start = Stopwatch.GetTimestamp();
        long injected = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(Stopwatch.GetElapsedTime(start).TotalSeconds * perSecond);
            for (; injected < due; injected++)
            {
                _simulator.Control.Inject(_background[(int)(injected % _background.Count)]);
            }

            try
            {
                await Delay(TimeSpan.FromMilliseconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>The runtime's part: agents become ready when their leg answers; an answered customer is bridged at once.</summary>
    private async Task ConsumeAsync()
    {
        await foreach (var switchEvent in _adapter.Events.ReadAllAsync())
        {
            if (switchEvent is SwitchConnectionChanged { State: SwitchConnectionState.Ready })
            {
                _ready.TrySetResult();
                continue;
            }

            if (switchEvent is not LegEvent legEvent)
            {
                continue;
            }

            var now = Stopwatch.GetTimestamp();
            if (legEvent.Leg.IsAgentLeg)
            {
                OnAgentEvent(legEvent);
                continue;
            }

            if (legEvent.Kind == LegEventKind.Answered)
            {
                var call = _stamps.Call(legEvent.Leg.Value);
                call.AnsweredSeen = now;
                if (_idleAgents.TryDequeue(out var agent))
                {
                    call.Agent = agent;
                    _ = BridgeAsync(legEvent.Leg, agent);
                }
                else
                {
                    Interlocked.Increment(ref _noAgent);
                    _ = SafeHarborAsync(legEvent.Leg);
                }
            }
            else if (legEvent.Kind == LegEventKind.Ended)
            {
                Interlocked.Increment(ref _customersEnded);
                if (_stamps.Find(legEvent.Leg.Value)?.Agent is { } agent)
                {
                    _idleAgents.Enqueue(agent);
                }
            }
        }
    }

    private void OnAgentEvent(LegEvent legEvent)
    {
        if (legEvent.Kind == LegEventKind.Answered)
        {
            _idleAgents.Enqueue(legEvent.Leg);
            Interlocked.Increment(ref _agentsUp);
        }
        else if (legEvent.Kind == LegEventKind.Ended)
        {
            Interlocked.Increment(ref _agentsLost);
        }
    }

    private async Task BridgeAsync(LegId customer, LegId agent)
    {
        try
        {
            await _adapter.BridgeAsync(new BridgeCommand(customer, agent), CancellationToken.None);
        }
        catch (SwitchException)
        {
            Interlocked.Increment(ref _bridgeFailures);
        }
    }

    private async Task SafeHarborAsync(LegId customer)
    {
        try
        {
            await _adapter.PlayThenHangupAsync(new PlayThenHangupCommand(customer, "orchestrator/safe-harbor"), CancellationToken.None);
        }
        catch (SwitchException)
        {
            Interlocked.Increment(ref _bridgeFailures);
        }
    }

    /// <summary>Waits until every customer leg has ended and every event written has been received (or 45 s).</summary>
    private async Task<bool> DrainAsync(long sentBase, long receivedBase)
    {
        var deadline = Stopwatch.GetTimestamp() + (45 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var legsDone = Interlocked.Read(ref _customersEnded) + Interlocked.Read(ref _originateFailures) >= Interlocked.Read(ref _originated);
            var eventsDone = _stamps.EventsWritten - sentBase == _received.Received - receivedBase;
            if (legsDone && eventsDone)
            {
                return true;
            }

            await Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    private Snapshot Snapshot() => new(
        Stopwatch.GetTimestamp(),
        _stamps.EventsWritten,
        Interlocked.Read(ref _originated),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes(precise: false),
        Process.GetCurrentProcess().TotalProcessorTime,
        MachineInfo.RunQueueWaits());

    private LatencyResult Measure(Snapshot window, Snapshot end, double callEventsPerSecond, double backgroundPerSecond, long sentBase, long receivedBase)
    {
        var seconds = Seconds(window.At, end.At);
        var inWindow = _stamps.Calls.Select(c => c.Value).Where(c => c.AnswerWritten >= window.At && c.AnswerWritten < end.At).ToList();
        var bridged = inWindow.Where(c => c.RedirectRead != 0).ToList();
        var pauses = _gcPauses.Pauses;
        var slow = bridged.Where(c => Micros(c.AnswerWritten, c.RedirectRead) > LatencySuite.TargetP99Milliseconds * 1000).ToList();
        return new LatencyResult
        {
            Run = _run,
            WindowSeconds = seconds,
            OriginationsPerSecond = (end.Originated - window.Originated) / seconds,
            CallEventsPerSecond = callEventsPerSecond,
            BackgroundEventsPerSecond = backgroundPerSecond,
            EventsPerSecond = (end.EventsWritten - window.EventsWritten) / seconds,
            AnswerToBridge = [.. bridged.Select(c => Micros(c.AnswerWritten, c.RedirectRead))],
            Inbound = [.. inWindow.Where(c => c.AnsweredSeen != 0).Select(c => Micros(c.AnswerWritten, c.AnsweredSeen))],
            Outbound = [.. bridged.Where(c => c.AnsweredSeen != 0).Select(c => Micros(c.AnsweredSeen, c.RedirectRead))],
            AnsweredInWindow = inWindow.Count,
            NoAgent = inWindow.Count(c => c.AnsweredSeen != 0 && c.Agent is null),
            RedirectMissing = inWindow.Count(c => c.Agent is not null && c.RedirectRead == 0),
            BridgeFailures = Interlocked.Read(ref _bridgeFailures),
            OriginateFailures = Interlocked.Read(ref _originateFailures),
            EventsSent = _stamps.EventsWritten - sentBase,
            EventsReceived = _received.Received - receivedBase,
            Dropped = _client.DroppedEvents,
            LegsNotEnded = Interlocked.Read(ref _originated) - Interlocked.Read(ref _customersEnded) - Interlocked.Read(ref _originateFailures),
            AgentsLost = Interlocked.Read(ref _agentsLost),
            Gen0 = end.Gen0 - window.Gen0,
            Gen1 = end.Gen1 - window.Gen1,
            Gen2 = end.Gen2 - window.Gen2,
            GcPauseMilliseconds = (end.GcPause - window.GcPause).TotalMilliseconds,
            SlowSamples = slow.Count,
            SlowSamplesDuringGc = slow.Count(c => GcPauseRecorder.Overlaps(pauses, c.AnswerWritten, c.RedirectRead)),
            AllocatedBytesPerEvent = (end.Allocated - window.Allocated) / (double)Math.Max(1, end.EventsWritten - window.EventsWritten),
            RunQueueWaitPerSecond = MachineInfo.RunQueueWaitBetween(window.RunQueueWaits, end.RunQueueWaits).TotalMilliseconds / seconds,
            GcPausesRecordedMilliseconds = pauses.Where(p => p.From >= window.At && p.To < end.At).Sum(p => Micros(p.From, p.To)) / 1000,
            ProcessCores = (end.Cpu - window.Cpu).TotalSeconds / seconds,
            LoadAverage = MachineInfo.LoadAverage(),
        };
    }
}

internal sealed record Snapshot(
    long At, long EventsWritten, long Originated, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long Allocated, TimeSpan Cpu, IReadOnlyDictionary<string, long> RunQueueWaits);
