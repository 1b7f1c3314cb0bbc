using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ami;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// One run of the answer-to-bridge benchmark: AmiSwitchAdapter connected over loopback to the simulator (in a
/// process of its own, or in this one with <c>--in-process</c>), with nailed-up agent legs; the harness plays the
/// runtime (originate at a fixed rate, bridge each answered customer into a free agent's conference the moment the
/// Answered leg event arrives) while the simulator tops the connection up with recorded background events.
/// </summary>
internal sealed class LatencyRun : IAsyncDisposable
{
    private readonly LatencyOptions _options;
    private readonly int _run;
    private readonly string _customerPrefix;
    private readonly ReceivedEventCounter _received;
    private readonly GcPauseRecorder _gcPauses;
    private readonly ISimulatorSide _simulator;
    private readonly ConcurrentDictionary<string, CustomerTimeline> _customers = new(StringComparer.Ordinal);
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

    private LatencyRun(LatencyOptions options, int run, ISimulatorSide simulator, ReceivedEventCounter received, GcPauseRecorder gcPauses)
    {
        _gcPauses = gcPauses;
        _options = options;
        _run = run;
        _customerPrefix = SimulatorHost.CustomerPrefix(run);
        _received = received;
        _simulator = simulator;
        _client = new AmiClient(
            new AmiClientOptions { Host = "127.0.0.1", Port = _simulator.Port, Username = "orchestrator", Secret = "secret" },
            TimeProvider.System,
            NullLogger<AmiClient>.Instance);
        _adapter = new AmiSwitchAdapter(_client, new AmiSwitchOptions { DefaultTrunk = "PJSIP/{digits}@trunk" }, TimeProvider.System, NullLogger<AmiSwitchAdapter>.Instance);
    }

    public static async Task<LatencyResult> RunAsync(LatencyOptions options, int run, bool inProcess, bool everyEvent, IReadOnlyList<AmiMessage> background, ReceivedEventCounter received, GcPauseRecorder gcPauses)
    {
        // Disposed in reverse: the harness (adapter, client) first, then the simulator (its process ends).
        await using ISimulatorSide simulator = inProcess ? new SimulatorHost(run, background, ownProcessPauses: null) : await SimulatorProcess.StartAsync(run);
        Console.WriteLine($"run {run}: simulator {simulator.Where}, AMI on 127.0.0.1:{simulator.Port}");
        await using var harness = new LatencyRun(options, run, simulator, received, gcPauses);
        if (everyEvent)
        {
            harness._client.EventFilter = null;
        }

        return await harness.RunAsync(inProcess);
    }

    public async ValueTask DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _consumer;
    }

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static double Micros(long from, long to) => (to - from) * 1e6 / Stopwatch.Frequency;

    private static Task Delay(TimeSpan delay, CancellationToken token = default) => Task.Delay(delay, TimeProvider.System, token);

    private async Task<LatencyResult> RunAsync(bool inProcess)
    {
        _consumer = Task.Run(ConsumeAsync);
        await _adapter.StartAsync(CancellationToken.None);
        await _ready.Task.WaitAsync(TimeSpan.FromSeconds(15), TimeProvider.System);
        await OpenAgentsAsync();

        var sentBase = await _simulator.EventsWrittenAsync();
        var receivedBase = _received.Received;
        using var stopLoad = new CancellationTokenSource();
        var pacer = PaceAsync(stopLoad.Token);

        // Warm-up: the calls alone, to learn their own event rate.
        await Delay(_options.WarmUp / 2);
        var (callEventsFrom, callEventsAt) = (await _simulator.EventsWrittenAsync(), Stopwatch.GetTimestamp());
        await Delay(_options.WarmUp / 2);
        var callEventsPerSecond = (await _simulator.EventsWrittenAsync() - callEventsFrom) / Seconds(callEventsAt, Stopwatch.GetTimestamp());
        var backgroundPerSecond = Math.Max(0, _options.LoadEventsPerSecond - callEventsPerSecond);
        await _simulator.StartLoadAsync(backgroundPerSecond);
        await Delay(_options.Settle);

        var window = Snapshot();
        await _simulator.WindowStartAsync();
        await Delay(_options.Measure);
        await _simulator.WindowEndAsync();
        var end = Snapshot();

        await stopLoad.CancelAsync();
        await pacer;
        await _simulator.StopLoadAsync();
        var drained = await DrainAsync(sentBase, receivedBase);
        var sent = await _simulator.EventsWrittenAsync() - sentBase;
        var report = await _simulator.ReportAsync();

        var result = Measure(inProcess, window, end, report, callEventsPerSecond, backgroundPerSecond, sent, receivedBase);
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
                var call = _customers.GetOrAdd(legEvent.Leg.Value, static _ => new CustomerTimeline());
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
                if (_customers.GetValueOrDefault(legEvent.Leg.Value)?.Agent is { } agent)
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
            var eventsDone = await _simulator.EventsWrittenAsync() - sentBase == _received.Received - receivedBase;
            if (legsDone && eventsDone)
            {
                return true;
            }

            await Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    private RunSnapshot Snapshot() => new(Interlocked.Read(ref _originated), ProcessSnapshot.Take());

    private LatencyResult Measure(bool inProcess, RunSnapshot window, RunSnapshot end, SimulatorReport report, double callEventsPerSecond, double backgroundPerSecond, long sent, long receivedBase)
    {
        if (report.StopwatchFrequency != Stopwatch.Frequency)
        {
            throw new InvalidOperationException($"The simulator's stamps are at {report.StopwatchFrequency} Hz, the benchmark's at {Stopwatch.Frequency}.");
        }

        // Samples: the customers whose answer the simulator wrote in its window (both its stamps taken in its process);
        // the harness's own stamp (Answered seen) splits each into the inbound and outbound hops.
        var samples = report.Calls
            .Select(c => (Wire: c, Runtime: _customers.GetValueOrDefault(c.Leg)))
            .ToList();
        var bridged = samples.Where(c => c.Wire.RedirectRead != 0).ToList();
        var seen = samples.Where(c => c.Runtime is { AnsweredSeen: not 0 }).ToList();
        var benchmarkPauses = _gcPauses.Pauses;
        var simulatorPauses = inProcess ? benchmarkPauses : report.GcPauses;
        var slow = bridged.Where(c => Micros(c.Wire.AnswerWritten, c.Wire.RedirectRead) > LatencySuite.TargetP99Milliseconds * 1000).Select(c => c.Wire).ToList();
        var seconds = Seconds(window.Process.At, end.Process.At);
        return new LatencyResult
        {
            Run = _run,
            SimulatorInOwnProcess = !inProcess,
            WindowSeconds = Seconds(report.WindowFrom, report.WindowTo),
            OriginationsPerSecond = (end.Originated - window.Originated) / seconds,
            CallEventsPerSecond = callEventsPerSecond,
            BackgroundEventsPerSecond = backgroundPerSecond,
            EventsPerSecond = report.EventsInWindow / Seconds(report.WindowFrom, report.WindowTo),
            EventsInWindow = report.EventsInWindow,
            AnswerToBridge = [.. bridged.Select(c => Micros(c.Wire.AnswerWritten, c.Wire.RedirectRead))],
            AnswerToBridgeNoSimulatorGc = [.. bridged
                .Where(c => !GcPauseRecorder.Overlaps(simulatorPauses, c.Wire.AnswerWritten, c.Wire.RedirectRead))
                .Select(c => Micros(c.Wire.AnswerWritten, c.Wire.RedirectRead))],
            AnswerToBridgeNoGc = [.. bridged
                .Where(c => !GcPauseRecorder.Overlaps(simulatorPauses, c.Wire.AnswerWritten, c.Wire.RedirectRead) && !GcPauseRecorder.Overlaps(benchmarkPauses, c.Wire.AnswerWritten, c.Wire.RedirectRead))
                .Select(c => Micros(c.Wire.AnswerWritten, c.Wire.RedirectRead))],
            Inbound = [.. seen.Select(c => Micros(c.Wire.AnswerWritten, c.Runtime!.AnsweredSeen))],
            Outbound = [.. seen.Where(c => c.Wire.RedirectRead != 0).Select(c => Micros(c.Runtime!.AnsweredSeen, c.Wire.RedirectRead))],
            AnsweredInWindow = samples.Count,
            NoAgent = samples.Count(c => c.Runtime is { AnsweredSeen: not 0, Agent: null }),
            RedirectMissing = samples.Count(c => c.Runtime?.Agent is not null && c.Wire.RedirectRead == 0),
            RedirectsUnmatched = report.RedirectsUnmatched,
            BridgeFailures = Interlocked.Read(ref _bridgeFailures),
            OriginateFailures = Interlocked.Read(ref _originateFailures),
            EventsSent = sent,
            EventsReceived = _received.Received - receivedBase,
            Dropped = _client.DroppedEvents,
            LegsNotEnded = Interlocked.Read(ref _originated) - Interlocked.Read(ref _customersEnded) - Interlocked.Read(ref _originateFailures),
            AgentsLost = Interlocked.Read(ref _agentsLost),
            Benchmark = ProcessLoad.Between(window.Process, end.Process, benchmarkPauses),
            Simulator = report.Process,
            SlowSamples = slow.Count,
            SlowSamplesDuringBenchmarkGc = slow.Count(c => GcPauseRecorder.Overlaps(benchmarkPauses, c.AnswerWritten, c.RedirectRead)),
            SlowSamplesDuringSimulatorGc = slow.Count(c => GcPauseRecorder.Overlaps(simulatorPauses, c.AnswerWritten, c.RedirectRead)),
            SlowSamplesDuringAnyGc = slow.Count(c => GcPauseRecorder.Overlaps(benchmarkPauses, c.AnswerWritten, c.RedirectRead) || GcPauseRecorder.Overlaps(simulatorPauses, c.AnswerWritten, c.RedirectRead)),
            LoadAverage = MachineInfo.LoadAverage(),
        };
    }
}

/// <summary>The benchmark process at one edge of the window.</summary>
internal sealed record RunSnapshot(long Originated, ProcessSnapshot Process);
