using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Orchestrator.Benchmarks;

/// <summary>What the figures were measured on: cores, CPU model, runtime, GC mode, and how busy the machine was.</summary>
internal static class MachineInfo
{
    public static string Describe() =>
        $"machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}, " +
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? " (concurrent)" : string.Empty)}; {LoadAverage()}";

    public static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), i.e. how many runnable threads competed for the cores.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average {parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }

    /// <summary>
    /// How long each of this process's threads has waited, runnable, for a core (Linux <c>/proc/self/task/*/schedstat</c>,
    /// nanoseconds by thread id): the time other work, ours or other processes', kept it off the CPU.
    /// </summary>
    public static IReadOnlyDictionary<string, long> RunQueueWaits()
    {
        var waits = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    waits[Path.GetFileName(task)] = long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
            }
        }
        catch (IOException)
        {
        }

        return waits;
    }

    /// <summary>
    /// Run-queue wait between two <see cref="RunQueueWaits"/> snapshots: threads alive at both ends count their increase,
    /// threads born in between all of theirs; threads that ended in between are missed, so this is a lower bound.
    /// </summary>
    public static TimeSpan RunQueueWaitBetween(IReadOnlyDictionary<string, long> from, IReadOnlyDictionary<string, long> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var nanoseconds = to.Sum(t => t.Value - from.GetValueOrDefault(t.Key));
        return TimeSpan.FromTicks(nanoseconds / 100);
    }
}
