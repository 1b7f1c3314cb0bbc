namespace Orchestrator.Benchmarks.Latency;

/// <summary>What one latency run measured. Times in microseconds; rates per second over the measured window.</summary>
internal sealed record LatencyResult
{
    public required int Run { get; init; }

    /// <summary>The simulator ran in a child process (the default), not in the benchmark's (<c>--in-process</c>).</summary>
    public required bool SimulatorInOwnProcess { get; init; }

    public required double WindowSeconds { get; init; }

    public required double OriginationsPerSecond { get; init; }

    /// <summary>Events the calls themselves produced per second (warm-up, before any background events).</summary>
    public required double CallEventsPerSecond { get; init; }

    public required double BackgroundEventsPerSecond { get; init; }

    /// <summary>Events the simulator wrote to the connection per second in the window.</summary>
    public required double EventsPerSecond { get; init; }

    public required long EventsInWindow { get; init; }

    /// <summary>Answer written → Redirect read, one per answered customer in the window.</summary>
    public required double[] AnswerToBridge { get; init; }

    /// <summary>
    /// <see cref="AnswerToBridge"/> without the samples during which the simulator's runtime stopped for a GC (a diagnostic:
    /// Asterisk has no GC; in process, the same pauses as the benchmark's).
    /// </summary>
    public required double[] AnswerToBridgeNoSimulatorGc { get; init; }

    /// <summary><see cref="AnswerToBridge"/> without the samples that overlapped a GC pause of either process (a diagnostic).</summary>
    public required double[] AnswerToBridgeNoGc { get; init; }

    /// <summary>Answer written → the adapter's Answered leg event reached the harness.</summary>
    public required double[] Inbound { get; init; }

    /// <summary>The harness asked for the bridge → the Redirect was read by the simulator.</summary>
    public required double[] Outbound { get; init; }

    public required long AnsweredInWindow { get; init; }

    /// <summary>Answered customers for whom no agent was free (sent to safe harbor instead).</summary>
    public required long NoAgent { get; init; }

    /// <summary>Answered customers bridged to an agent whose Redirect the simulator never read.</summary>
    public required long RedirectMissing { get; init; }

    /// <summary>Redirects the simulator read for a channel whose answer its tap never saw (should be 0).</summary>
    public required long RedirectsUnmatched { get; init; }

    public required long BridgeFailures { get; init; }

    public required long OriginateFailures { get; init; }

    /// <summary>Events written by the simulator since the baseline (after the adapter's resync).</summary>
    public required long EventsSent { get; init; }

    /// <summary>Events AmiClient received since the baseline.</summary>
    public required long EventsReceived { get; init; }

    /// <summary><c>AmiClient.DroppedEvents</c> at the end (its queue overflowed and dropped the oldest).</summary>
    public required long Dropped { get; init; }

    /// <summary>Customer legs originated whose Ended leg event never came.</summary>
    public required long LegsNotEnded { get; init; }

    public required long AgentsLost { get; init; }

    /// <summary>The benchmark's process over the window: client, adapter, harness (and the simulator too when in process).</summary>
    public required ProcessLoad Benchmark { get; init; }

    /// <summary>The simulator's own process over the window; null when it ran in the benchmark's.</summary>
    public required ProcessLoad? Simulator { get; init; }

    /// <summary>Samples over the 1 ms target.</summary>
    public required int SlowSamples { get; init; }

    /// <summary>Of <see cref="SlowSamples"/>, those during which the benchmark's runtime was stopped for a GC at some point.</summary>
    public required int SlowSamplesDuringBenchmarkGc { get; init; }

    /// <summary>Of <see cref="SlowSamples"/>, those during which the simulator's runtime was stopped for a GC (in process: the same pauses).</summary>
    public required int SlowSamplesDuringSimulatorGc { get; init; }

    /// <summary>Of <see cref="SlowSamples"/>, those that overlapped a GC pause of either process.</summary>
    public required int SlowSamplesDuringAnyGc { get; init; }

    public required string LoadAverage { get; init; }
}
