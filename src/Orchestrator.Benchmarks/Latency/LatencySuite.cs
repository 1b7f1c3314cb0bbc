using System.Globalization;
using Orchestrator.Benchmarks.Fixtures;
using Orchestrator.Protocols.Ami;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// Runs the answer-to-bridge benchmark (fresh simulator and adapter per run; the simulator in a child process of its
/// own, or with <c>--in-process</c> in this one) and pools the runs' samples.
/// </summary>
internal static class LatencySuite
{
    public const double TargetP99Milliseconds = 1.0;

    public static async Task<IReadOnlyList<Figure>> RunAsync(bool quick, bool inProcess, bool everyEvent)
    {
        var options = quick ? LatencyOptions.Quick : LatencyOptions.Full;
        var background = Background(FixtureMix.Shared);
        var model = LatencyOptions.Customers;
        Console.WriteLine(
            $"answer -> bridge: {options.OriginationsPerSecond} originations/s, {options.Agents} ready agents, connection topped up to {options.LoadEventsPerSecond:N0} events/s " +
            $"with {background.Count} recorded background events; customers '{model.Name}' ({model.Outcomes}, pickup {model.PickupSeconds}, talk {model.TalkSeconds}); " +
            $"{options.Runs} run(s) of {options.WarmUp.TotalSeconds:F0} s warm-up + {options.Settle.TotalSeconds:F0} s settle + {options.Measure.TotalSeconds:F0} s measured; " +
            (inProcess ? "simulator IN the benchmark's process (--in-process)" : "simulator in a process of its own (one per run), loopback AMI only") +
            (everyEvent ? "; adapter's event filter OFF (--every-event): a message for every event" : "; the adapter's event filter on (as shipped)"));

        using var received = new ReceivedEventCounter();
        using var gcPauses = new GcPauseRecorder();
        var capacityWindow = quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);
        IReadOnlyList<Figure> capacity =
        [
            .. await PipelineCapacity.RunAsync(background, received, capacityWindow, everyEvent: false),
            .. await PipelineCapacity.RunAsync(background, received, capacityWindow, everyEvent: true),
        ];
        var results = new List<LatencyResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var result = await LatencyRun.RunAsync(options, run, inProcess, everyEvent, background, received, gcPauses);
            Print(result);
            results.Add(result);
        }

        return [.. Figures(options, results, inProcess, everyEvent), .. capacity];
    }

    /// <summary>The mix's events that concern no action (no ActionID) and no server state (no Shutdown).</summary>
    public static List<AmiMessage> Background(FixtureMix mix) =>
        [.. mix.Events.Where(e => !e.Contains(AmiHeaders.ActionId) && e.EventName != "Shutdown")];

    private static void Print(LatencyResult r)
    {
        Console.WriteLine(
            $"run {r.Run}: {r.WindowSeconds:F1} s, {r.OriginationsPerSecond:F1} originations/s, {r.EventsPerSecond:N0} events/s " +
            $"(calls {r.CallEventsPerSecond:N0} + background {r.BackgroundEventsPerSecond:N0}); answered {r.AnsweredInWindow:N0}, no agent {r.NoAgent}, " +
            $"redirect missing {r.RedirectMissing}, unmatched {r.RedirectsUnmatched}, bridge failures {r.BridgeFailures}, originate failures {r.OriginateFailures}");
        Console.WriteLine($"  answer written -> Redirect read: {new Percentiles(r.AnswerToBridge.Select(Ms)).Describe("ms")}");
        Console.WriteLine(r.Simulator is null
            ? $"  diagnostic, without the samples that overlapped a GC pause: {new Percentiles(r.AnswerToBridgeNoGc.Select(Ms)).Describe("ms")}"
            : $"  diagnostic, without the samples that overlapped a GC pause: of the simulator {new Percentiles(r.AnswerToBridgeNoSimulatorGc.Select(Ms)).Describe("ms")}; " +
              $"of either process {new Percentiles(r.AnswerToBridgeNoGc.Select(Ms)).Describe("ms")}");
        Console.WriteLine($"  answer written -> Answered leg event: {new Percentiles(r.Inbound.Select(Ms)).Describe("ms")}");
        Console.WriteLine($"  bridge asked -> Redirect read: {new Percentiles(r.Outbound.Select(Ms)).Describe("ms")}");
        Console.WriteLine($"  events sent {r.EventsSent:N0}, received {r.EventsReceived:N0}, dropped {r.Dropped}; legs not ended {r.LegsNotEnded}, agents lost {r.AgentsLost}");
        if (r.Simulator is { } simulator)
        {
            Console.WriteLine($"  benchmark process (client, adapter, harness): {r.Benchmark.Describe(r.EventsInWindow)}");
            Console.WriteLine($"  simulator process (pid {simulator.ProcessId}): {simulator.Describe(r.EventsInWindow)}");
            Console.WriteLine(
                $"  samples over {TargetP99Milliseconds} ms: {r.SlowSamples}, of which {r.SlowSamplesDuringAnyGc} overlapped a GC pause " +
                $"({r.SlowSamplesDuringBenchmarkGc} of the benchmark process, {r.SlowSamplesDuringSimulatorGc} of the simulator process); {r.LoadAverage}");
        }
        else
        {
            Console.WriteLine($"  process (simulator included): {r.Benchmark.Describe(r.EventsInWindow)}");
            Console.WriteLine($"  samples over {TargetP99Milliseconds} ms: {r.SlowSamples}, of which {r.SlowSamplesDuringAnyGc} overlapped a GC pause; {r.LoadAverage}");
        }
    }

    private static double Ms(double micros) => micros / 1000;

    private static double PooledP99(List<LatencyResult> results, Func<LatencyResult, double[]> samples, out int count)
    {
        var pooled = new Percentiles(results.SelectMany(samples).Select(Ms));
        count = pooled.Count;
        return pooled.At(99);
    }

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static List<Figure> Figures(LatencyOptions options, List<LatencyResult> results, bool inProcess, bool everyEvent)
    {
        var all = new Percentiles(results.SelectMany(r => r.AnswerToBridge).Select(Ms));
        var inbound = new Percentiles(results.SelectMany(r => r.Inbound).Select(Ms));
        var outbound = new Percentiles(results.SelectMany(r => r.Outbound).Select(Ms));
        var originations = results.Min(r => r.OriginationsPerSecond);
        var mode = (inProcess ? "sim in process" : "sim own process") + (everyEvent ? ", every event" : string.Empty);
        var runs = results.Count == 1 ? $"{mode}, 1 run" : $"{mode}, {results.Count} runs pooled";
        var benchmark = inProcess ? "process (sim included)" : "benchmark process";
        List<Figure> figures =
        [
            Figure.Info($"answer -> bridge p50 ({runs})", all.At(50), "ms"),
            Figure.AtMost($"answer -> bridge p99 ({runs})", all.At(99), "ms", TargetP99Milliseconds),
            Figure.Info($"answer -> bridge p99.9 ({runs})", all.At(99.9), "ms"),
            Figure.Info($"answer -> bridge max ({runs})", all.Max, "ms"),
            Figure.Info($"answer -> bridge p99 per run ({mode})", string.Join(" / ", results.Select(r => Figure.Format(new Percentiles(r.AnswerToBridge.Select(Ms)).At(99)))), "ms"),
            Figure.Info("answer -> bridge samples", all.Count, "answers"),
            Figure.Info(
                "  diagnostic: p99 of the samples that overlapped no GC pause",
                PooledP99(results, r => r.AnswerToBridgeNoGc, out var noGc),
                $"ms ({Count(noGc)} samples)"),
            Figure.Info("  inbound: answer written -> Answered event, p50", inbound.At(50), "ms"),
            Figure.Info("  inbound: answer written -> Answered event, p99", inbound.At(99), "ms"),
            Figure.Info("  outbound: bridge asked -> Redirect read, p50", outbound.At(50), "ms"),
            Figure.Info("  outbound: bridge asked -> Redirect read, p99", outbound.At(99), "ms"),
            Figure.Info($"samples over {TargetP99Milliseconds} ms (all runs)", Count(results.Sum(r => r.SlowSamples)), "answers"),
            Figure.Info("  of them overlapping a GC pause (either process)", Count(results.Sum(r => r.SlowSamplesDuringAnyGc)), "answers"),
        ];
        if (!inProcess)
        {
            figures.Insert(
                figures.FindIndex(f => f.Name.Contains("no GC pause", StringComparison.Ordinal)),
                Figure.Info(
                    "  diagnostic: p99 of the samples that overlapped no simulator GC pause",
                    PooledP99(results, r => r.AnswerToBridgeNoSimulatorGc, out var noSimulatorGc),
                    $"ms ({Count(noSimulatorGc)} samples)"));
            figures.Add(Figure.Info("  of them overlapping a benchmark-process GC pause", Count(results.Sum(r => r.SlowSamplesDuringBenchmarkGc)), "answers"));
            figures.Add(Figure.Info("  of them overlapping a simulator-process GC pause", Count(results.Sum(r => r.SlowSamplesDuringSimulatorGc)), "answers"));
        }

        figures.AddRange(ProcessFigures(benchmark, results, r => r.Benchmark));
        if (!inProcess)
        {
            figures.AddRange(ProcessFigures("simulator process", results, r => r.Simulator!));
        }

        figures.AddRange(
        [
            new Figure("originations/s (lowest run)", Figure.Format(originations), "originations/s", Figure.Format(options.OriginationsPerSecond), originations >= options.OriginationsPerSecond * 0.99),
            Figure.AtLeast("events/s on the AMI connection (lowest run)", results.Min(r => r.EventsPerSecond), "events/s", options.TargetEventsPerSecond),
            Figure.AtMost("events dropped by AmiClient (all runs)", results.Sum(r => r.Dropped), "events", 0),
            Figure.AtMost("events sent - received, |difference| (all runs)", results.Sum(r => Math.Abs(r.EventsSent - r.EventsReceived)), "events", 0),
            Figure.Info("events sent (all runs)", results.Sum(r => r.EventsSent), "events"),
            Figure.AtMost("customer legs never ended (all runs)", results.Sum(r => r.LegsNotEnded), "legs", 0),
            Figure.AtMost("answered without agent or Redirect (all runs)", results.Sum(r => r.NoAgent + r.RedirectMissing), "answers", 0),
        ]);
        return figures;
    }

    /// <summary>One process's GC, allocation, CPU and run-queue wait, averaged over the runs (per 60 s where it is a total).</summary>
    private static IEnumerable<Figure> ProcessFigures(string name, List<LatencyResult> results, Func<LatencyResult, ProcessLoad> load)
    {
        var perMinute = results.Select(r => 60 / r.WindowSeconds).ToList();
        yield return Figure.Info(
            $"{name}: GC per 60 s (gen0/1/2), mean of runs",
            string.Join("/", new Func<ProcessLoad, int>[] { p => p.Gen0, p => p.Gen1, p => p.Gen2 }.Select(gen => results.Select((r, i) => gen(load(r)) * perMinute[i]).Average().ToString("F0", CultureInfo.InvariantCulture))),
            "collections");
        yield return Figure.Info($"{name}: GC paused per 60 s", results.Select((r, i) => load(r).GcPauseMilliseconds * perMinute[i]).Average(), "ms");
        yield return Figure.Info($"{name}: allocated per event", results.Sum(r => load(r).AllocatedBytes) / (double)Math.Max(1, results.Sum(r => r.EventsInWindow)), "B/event");
        yield return Figure.Info($"{name}: CPU", results.Average(r => load(r).Cores), "cores");
        yield return Figure.Info($"{name}: threads waited for a core (lower bound)", results.Average(r => load(r).RunQueueWaitPerSecond), "ms/s");
    }
}
