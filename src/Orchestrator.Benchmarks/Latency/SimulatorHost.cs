using System.Diagnostics;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Ami;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// What the latency harness asks of the simulated Asterisk: its port, how many events it has written, the
/// background load, the measured window, and the wire stamps. <see cref="SimulatorHost"/> in the benchmark's own
/// process (<c>latency --in-process</c>), <see cref="SimulatorProcess"/> in a child process (the default).
/// </summary>
internal interface ISimulatorSide : IAsyncDisposable
{
    int Port { get; }

    /// <summary>Where the simulator runs, for the output.</summary>
    string Where { get; }

    /// <summary>Events written to any session so far (responses and the banner excluded).</summary>
    Task<long> EventsWrittenAsync();

    /// <summary>Starts topping the connection up with recorded background events at <paramref name="perSecond"/>.</summary>
    Task StartLoadAsync(double perSecond);

    Task StopLoadAsync();

    /// <summary>Opens the measured window; returns when (Stopwatch ticks, taken where the simulator runs).</summary>
    Task<long> WindowStartAsync();

    /// <summary>Closes the measured window; returns when.</summary>
    Task<long> WindowEndAsync();

    /// <summary>The window's samples and the simulator process's own figures (call once the load has drained).</summary>
    Task<SimulatorReport> ReportAsync();
}

/// <summary>What the simulator's side measured over the window.</summary>
internal sealed record SimulatorReport
{
    /// <summary><see cref="Stopwatch.Frequency"/> where the stamps were taken (must equal the benchmark's: same clock).</summary>
    public long StopwatchFrequency { get; init; }

    public long WindowFrom { get; init; }

    public long WindowTo { get; init; }

    /// <summary>Events written to the connection inside the window.</summary>
    public long EventsInWindow { get; init; }

    /// <summary>Redirects into a conference for a channel whose answer the tap never saw (should be 0).</summary>
    public long RedirectsUnmatched { get; init; }

    /// <summary>Every customer whose answer was written in the window.</summary>
    public List<WireSample> Calls { get; init; } = [];

    /// <summary>The simulator process's GC, allocation, CPU and run-queue wait over the window; null when it is the benchmark's process.</summary>
    public ProcessLoad? Process { get; init; }

    /// <summary>The simulator process's GC pauses around the window (empty when it is the benchmark's process).</summary>
    public List<GcPause> GcPauses { get; init; } = [];
}

/// <summary>
/// The simulated Asterisk of one latency run and the harness's hooks into it: the wire tap, the background
/// injector, the window. Used as is in process, and by <see cref="SimulatorServer"/> in the child process.
/// </summary>
internal sealed class SimulatorHost : ISimulatorSide
{
    private readonly IReadOnlyList<AmiMessage> _background;
    private readonly WireStamps _stamps;
    private readonly AsteriskAmiSimulator _simulator;
    private readonly GcPauseRecorder? _ownProcessPauses;
    private CancellationTokenSource? _stopLoad;
    private Task _injector = Task.CompletedTask;
    private ProcessSnapshot? _windowStart;
    private ProcessSnapshot? _windowEnd;
    private long _eventsAtStart;
    private long _eventsAtEnd;

    /// <param name="run">The run number: customers' legs are <c>cust-{run}-{n}</c>.</param>
    /// <param name="background">Recorded events the injector sends round robin.</param>
    /// <param name="ownProcessPauses">Set when the simulator has a process of its own, whose figures the report then carries.</param>
    public SimulatorHost(int run, IReadOnlyList<AmiMessage> background, GcPauseRecorder? ownProcessPauses)
    {
        _background = background;
        _ownProcessPauses = ownProcessPauses;
        _stamps = new WireStamps(CustomerPrefix(run));
        _simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions
        {
            Outcomes = LatencyOptions.Customers,
            AgentAnswerDelay = TimeSpan.FromMilliseconds(50),
            SafeHarborPlayback = TimeSpan.FromMilliseconds(500),
            FirstChannelSequence = 0x100000,
        });
        _simulator.Control.WireTap = _stamps;
        _simulator.Start();
    }

    public int Port => _simulator.Port;

    public string Where => _ownProcessPauses is null ? "in the benchmark's process" : $"in its own process (pid {Environment.ProcessId})";

    public static string CustomerPrefix(int run) => $"cust-{run}-";

    public Task<long> EventsWrittenAsync() => Task.FromResult(_stamps.EventsWritten);

    public Task StartLoadAsync(double perSecond)
    {
        if (_stopLoad is not null)
        {
            throw new InvalidOperationException("The background load is already on.");
        }

        _stopLoad = new CancellationTokenSource();
        _injector = InjectAsync(perSecond, _stopLoad.Token);
        return Task.CompletedTask;
    }

    public async Task StopLoadAsync()
    {
        if (_stopLoad is null)
        {
            return;
        }

        await _stopLoad.CancelAsync();
        await _injector;
        _stopLoad.Dispose();
        _stopLoad = null;
    }

    public Task<long> WindowStartAsync()
    {
        _eventsAtStart = _stamps.EventsWritten;
        _windowStart = ProcessSnapshot.Take();
        return Task.FromResult(_windowStart.At);
    }

    public Task<long> WindowEndAsync()
    {
        _windowEnd = ProcessSnapshot.Take();
        _eventsAtEnd = _stamps.EventsWritten;
        return Task.FromResult(_windowEnd.At);
    }

    public Task<SimulatorReport> ReportAsync()
    {
        if (_windowStart is null || _windowEnd is null)
        {
            throw new InvalidOperationException("The window was not opened and closed.");
        }

        var pauses = _ownProcessPauses?.Pauses ?? [];
        var margin = 5 * Stopwatch.Frequency;
        return Task.FromResult(new SimulatorReport
        {
            StopwatchFrequency = Stopwatch.Frequency,
            WindowFrom = _windowStart.At,
            WindowTo = _windowEnd.At,
            EventsInWindow = _eventsAtEnd - _eventsAtStart,
            RedirectsUnmatched = _stamps.RedirectsUnmatched,
            Calls = _stamps.AnsweredBetween(_windowStart.At, _windowEnd.At),
            Process = _ownProcessPauses is null ? null : ProcessLoad.Between(_windowStart, _windowEnd, pauses),
            GcPauses = [.. pauses.Where(p => p.To >= _windowStart.At - margin && p.From <= _windowEnd.At + margin)],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await StopLoadAsync();
        await _simulator.DisposeAsync();
    }

    private static Task Delay(TimeSpan delay, CancellationToken token) => Task.Delay(delay, TimeProvider.System, token);

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
}
