using Orchestrator.Benchmarks.Fixtures;
using Orchestrator.Protocols.Ami;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>Runs the answer-to-bridge benchmark (fresh simulator and adapter per run) and pools the runs' samples.</summary>
internal static class LatencySuite
{
    public const double TargetP99Milliseconds = 1.0;

    public static async Task<IReadOnlyList<Figure>> RunAsync(bool quick)
    {
        var options = quick ? LatencyOptions.Quick : LatencyOptions.Full;
        var background = Background(FixtureMix.Shared);
        var model = LatencyOptions.Customers;
        Console.WriteLine(
            $"answer -> bridge: {options.OriginationsPerSecond} originations/s, {options.Agents} ready agents, connection topped up to {options.LoadEventsPerSecond:N0} events/s " +
            $"with {background.Count} recorded background events; customers '{model.Name}' ({model.Outcomes}, pickup {model.PickupSeconds}, talk {model.TalkSeconds}); " +
            $"{options.Runs} run(s) of {options.WarmUp.TotalSeconds:F0} s warm-up + {options.Settle.TotalSeconds:F0} s settle + {options.Measure.TotalSeconds:F0} s measured");

        using var received = new ReceivedEventCounter();
        using var gcPauses = new GcPauseRecorder();
        var capacity = await PipelineCapacity.RunAsync(background, received, quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10));
        var results = new List<LatencyResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var result = await LatencyRun.RunAsync(options, run, background, received, gcPauses);
            Print(result);
            results.Add(result);
        }

        return [.. Figures(options, results), .. capacity];
    }

    /// <summary>The mix's events that concern no action (no ActionID) and no server state (no Shutdown).</summary>
    private static List<AmiMessage> Background(FixtureMix mix) =>
        [.. mix.Events.Where(e => !e.Contains(AmiHeaders.ActionId) && e.EventName != "Shutdown")];

    private static void Print(LatencyResult r)
    {
        Console.WriteLine(
            $"run {r.Run}: {r.WindowSeconds:F1} s, {r.OriginationsPerSecond:F1} originations/s, {r.EventsPerSecond:N0} events/s " +
            $"(calls {r.CallEventsPerSecond:N0} + background {r.BackgroundEventsPerSecond:N0}); answered {r.AnsweredInWindow:N0}, no agent {r.NoAgent}, " +
            $"redirect missing {r.RedirectMissing}, bridge failures {r.BridgeFailures}, originate failures {r.OriginateFailures}");
        Console.WriteLine($"  answer written -> Redirect read: {new Percentiles(r.AnswerToBridge.Select(Ms)).Describe("ms")}");
        Console.WriteLine($"  answer written -> Answered leg event: {new Percentiles(r.Inbound.Select(Ms)).Describe("ms")}");
        Console.WriteLine($"  bridge asked -> Redirect read: {new Percentiles(r.Outbound.Select(Ms)).Describe("ms")}");
        Console.WriteLine(
            $"  events sent {r.EventsSent:N0}, received {r.EventsReceived:N0}, dropped {r.Dropped}; legs not ended {r.LegsNotEnded}, agents lost {r.AgentsLost}; " +
            $"GC {r.Gen0}/{r.Gen1}/{r.Gen2} (gen0/1/2), paused {r.GcPauseMilliseconds:F0} ms (recorder saw {r.GcPausesRecordedMilliseconds:F0} ms), {r.AllocatedBytesPerEvent:N0} B allocated per event (simulator included)");
        Console.WriteLine(
            $"  samples over {TargetP99Milliseconds} ms: {r.SlowSamples}, of which {r.SlowSamplesDuringGc} overlapped a GC pause; process {r.ProcessCores:F2} cores, " +
            $"its threads waited at least {r.RunQueueWaitPerSecond:F0} ms/s for a core; {r.LoadAverage}");
    }

    private static double Ms(double micros) => micros / 1000;

    private static List<Figure> Figures(LatencyOptions options, List<LatencyResult> results)
    {
        var all = new Percentiles(results.SelectMany(r => r.AnswerToBridge).Select(Ms));
        var inbound = new Percentiles(results.SelectMany(r => r.Inbound).Select(Ms));
        var outbound = new Percentiles(results.SelectMany(r => r.Outbound).Select(Ms));
        var originations = results.Min(r => r.OriginationsPerSecond);
        var runs = results.Count == 1 ? "1 run" : $"{results.Count} runs pooled";
        return
        [
            Figure.Info($"answer -> bridge p50 ({runs})", all.At(50), "ms"),
            Figure.AtMost($"answer -> bridge p99 ({runs})", all.At(99), "ms", TargetP99Milliseconds),
            Figure.Info($"answer -> bridge p99.9 ({runs})", all.At(99.9), "ms"),
            Figure.Info($"answer -> bridge max ({runs})", all.Max, "ms"),
            Figure.Info("answer -> bridge p99, worst run", results.Max(r => new Percentiles(r.AnswerToBridge.Select(Ms)).At(99)), "ms"),
            Figure.Info("answer -> bridge samples", all.Count, "answers"),
            Figure.Info("  inbound: answer written -> Answered event, p50", inbound.At(50), "ms"),
            Figure.Info("  inbound: answer written -> Answered event, p99", inbound.At(99), "ms"),
            Figure.Info("  outbound: bridge asked -> Redirect read, p50", outbound.At(50), "ms"),
            Figure.Info("  outbound: bridge asked -> Redirect read, p99", outbound.At(99), "ms"),
            new Figure("originations/s (lowest run)", Figure.Format(originations), "originations/s", Figure.Format(options.OriginationsPerSecond), originations >= options.OriginationsPerSecond * 0.99),
            Figure.AtLeast("events/s on the AMI connection (lowest run)", results.Min(r => r.EventsPerSecond), "events/s", options.TargetEventsPerSecond),
            Figure.AtMost("events dropped by AmiClient (all runs)", results.Sum(r => r.Dropped), "events", 0),
            Figure.AtMost("events sent - received, |difference| (all runs)", results.Sum(r => Math.Abs(r.EventsSent - r.EventsReceived)), "events", 0),
            Figure.Info("events sent (all runs)", results.Sum(r => r.EventsSent), "events"),
            Figure.AtMost("customer legs never ended (all runs)", results.Sum(r => r.LegsNotEnded), "legs", 0),
            Figure.AtMost("answered without agent or Redirect (all runs)", results.Sum(r => r.NoAgent + r.RedirectMissing), "answers", 0),
        ];
    }
}
