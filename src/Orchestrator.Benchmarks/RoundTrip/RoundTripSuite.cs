using BenchmarkDotNet.Running;

namespace Orchestrator.Benchmarks.RoundTrip;

/// <summary>Runs the round-trip benchmark and reports round trips per second for each setting.</summary>
internal static class RoundTripSuite
{
    public static IReadOnlyList<Figure> Run(bool quick)
    {
        var model = OriginateRoundTripBenchmarks.FailFast;
        Console.WriteLine($"originate round trips: simulator outcome model '{model.Name}' ({model.Outcomes}, signal {model.SignalSeconds})");
        var summary = BenchmarkRunner.Run<OriginateRoundTripBenchmarks>(BenchmarkConfig.Create(quick));
        var figures = new List<Figure>();
        foreach (var events in new[] { "off", "on" })
        {
            foreach (var inFlight in new[] { 1, 32 })
            {
                var report = BenchmarkConfig.Report(summary, nameof(OriginateRoundTripBenchmarks.Originate), ("InFlight", inFlight), ("Events", events));
                var name = $"originate round trips, {inFlight} in flight, events {events}";
                figures.Add(Figure.Info(name, 1e9 / BenchmarkConfig.MeanNanoseconds(report), "round trips/s"));
                figures.Add(Figure.Info(name + ": allocated (client + simulator)", BenchmarkConfig.AllocatedBytes(report), "B/round trip"));
            }
        }

        return figures;
    }
}
