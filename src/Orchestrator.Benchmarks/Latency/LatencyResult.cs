namespace Orchestrator.Benchmarks.Latency;

/// <summary>What one latency run measured. Times in microseconds; rates per second over the measured window.</summary>
internal sealed record LatencyResult
{
    public required int Run { get; init; }

    public required double WindowSeconds { get; init; }

    public required double OriginationsPerSecond { get; init; }

    /// <summary>Events the calls themselves produced per second (warm-up, before any background events).</summary>
    public required double CallEventsPerSecond { get; init; }

    public required double BackgroundEventsPerSecond { get; init; }

    /// <summary>Events the simulator wrote to the connection per second in the window.</summary>
    public required double EventsPerSecond { get; init; }

    /// <summary>Answer written → Redirect read, one per answered customer in the window.</summary>
    public required double[] AnswerToBridge { get; init; }

    /// <summary>Answer written → the adapter's Answered leg event reached the harness.</summary>
    public required double[] Inbound { get; init; }

    /// <summary>The harness asked for the bridge → the Redirect was read by the simulator.</summary>
    public required double[] Outbound { get; init; }

    public required long AnsweredInWindow { get; init; }

    /// <summary>Answered customers for whom no agent was free (sent to safe harbor instead).</summary>
    public required long NoAgent { get; init; }

    /// <summary>Answered customers bridged to an agent whose Redirect the simulator never read.</summary>
    public required long RedirectMissing { get; init; }

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

    public required int Gen0 { get; init; }

    public required int Gen1 { get; init; }

    public required int Gen2 { get; init; }

    public required double GcPauseMilliseconds { get; init; }

    /// <summary>The same, from the pauses <see cref="GcPauseRecorder"/> saw (a cross-check of the recorder the overlaps rely on).</summary>
    public required double GcPausesRecordedMilliseconds { get; init; }

    /// <summary>Samples over the 1 ms target.</summary>
    public required int SlowSamples { get; init; }

    /// <summary>Of <see cref="SlowSamples"/>, those during which the runtime was stopped for a GC at some point.</summary>
    public required int SlowSamplesDuringGc { get; init; }

    /// <summary>Everything the process allocated in the window (simulator included) per event written.</summary>
    public required double AllocatedBytesPerEvent { get; init; }

    /// <summary>Milliseconds per second the process's threads spent runnable but waiting for a core.</summary>
    public required double RunQueueWaitPerSecond { get; init; }

    /// <summary>CPU the benchmark process used in the window, in cores (2 = both cores all the time).</summary>
    public required double ProcessCores { get; init; }

    public required string LoadAverage { get; init; }
}
