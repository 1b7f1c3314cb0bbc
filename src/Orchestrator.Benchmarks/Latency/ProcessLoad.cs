using System.Diagnostics;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>The GC, CPU and scheduling counters of the current process at one moment (<see cref="Stopwatch"/> ticks).</summary>
internal sealed record ProcessSnapshot(
    long At, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long Allocated, TimeSpan Cpu, IReadOnlyDictionary<string, long> RunQueueWaits)
{
    public static ProcessSnapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessSnapshot(
            Stopwatch.GetTimestamp(),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration(),
            GC.GetTotalAllocatedBytes(precise: false),
            process.TotalProcessorTime,
            MachineInfo.RunQueueWaits());
    }
}

/// <summary>What one process did between two <see cref="ProcessSnapshot"/>s: collections, pauses, allocation, CPU, run-queue wait.</summary>
internal sealed record ProcessLoad
{
    public int ProcessId { get; init; }

    public int Gen0 { get; init; }

    public int Gen1 { get; init; }

    public int Gen2 { get; init; }

    /// <summary>The runtime's own total (<see cref="GC.GetTotalPauseDuration"/>).</summary>
    public double GcPauseMilliseconds { get; init; }

    /// <summary>The same, from the pauses <see cref="GcPauseRecorder"/> saw (a cross-check of the recorder the overlaps rely on).</summary>
    public double GcPausesRecordedMilliseconds { get; init; }

    public long AllocatedBytes { get; init; }

    /// <summary>CPU used, in cores (2 = both cores all the time).</summary>
    public double Cores { get; init; }

    /// <summary>Milliseconds per second the process's threads spent runnable but waiting for a core (a lower bound).</summary>
    public double RunQueueWaitPerSecond { get; init; }

    public static ProcessLoad Between(ProcessSnapshot from, ProcessSnapshot to, IReadOnlyList<GcPause> pauses)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var seconds = (to.At - from.At) / (double)Stopwatch.Frequency;
        return new ProcessLoad
        {
            ProcessId = Environment.ProcessId,
            Gen0 = to.Gen0 - from.Gen0,
            Gen1 = to.Gen1 - from.Gen1,
            Gen2 = to.Gen2 - from.Gen2,
            GcPauseMilliseconds = (to.GcPause - from.GcPause).TotalMilliseconds,
            GcPausesRecordedMilliseconds = GcPauseRecorder.PausedMilliseconds(pauses, from.At, to.At),
            AllocatedBytes = to.Allocated - from.Allocated,
            Cores = (to.Cpu - from.Cpu).TotalSeconds / seconds,
            RunQueueWaitPerSecond = MachineInfo.RunQueueWaitBetween(from.RunQueueWaits, to.RunQueueWaits).TotalMilliseconds / seconds,
        };
    }

    public string Describe(long events) =>
        $"GC {Gen0}/{Gen1}/{Gen2} (gen0/1/2), paused {GcPauseMilliseconds:F0} ms (recorder saw {GcPausesRecordedMilliseconds:F0} ms), " +
        $"{AllocatedBytes / (double)Math.Max(1, events):N0} B allocated per event, {Cores:F2} cores, its threads waited at least {RunQueueWaitPerSecond:F0} ms/s for a core";
}
