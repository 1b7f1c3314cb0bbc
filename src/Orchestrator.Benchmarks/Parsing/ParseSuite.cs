using System.Buffers;
using BenchmarkDotNet.Running;
using Orchestrator.Benchmarks.Fixtures;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Benchmarks.Parsing;

/// <summary>Runs the parsing microbenchmarks and turns their per-mix figures into per-message ones.</summary>
internal static class ParseSuite
{
    public const double TargetMessagesPerSecond = 1_000_000;

    public static IReadOnlyList<Figure> Run(bool quick)
    {
        var mix = FixtureMix.Shared;
        Console.WriteLine(mix.Describe());
        Console.WriteLine($"one pass outside BenchmarkDotNet (cold, a cross-check of the allocation figure): {SinglePassAllocatedBytes(mix) / (double)mix.Messages.Count:F1} bytes per message");

        var summary = BenchmarkRunner.Run([typeof(AmiFrameParsingBenchmarks), typeof(HeaderLookupBenchmarks)], BenchmarkConfig.Create(quick)).Single();
        var messages = mix.Messages.Count;
        var events = mix.Events.Count;
        var ownBytes = mix.MessageHeapBytes / (double)messages;

        var figures = new List<Figure>();
        foreach (var (method, label) in new[] { ("WholeBuffer", "whole buffer"), ("Segments4KiB", "4 KiB segments") })
        {
            var report = BenchmarkConfig.Report(summary, method);
            var seconds = BenchmarkConfig.MeanNanoseconds(report) * 1e-9;
            var allocated = BenchmarkConfig.AllocatedBytes(report) / messages;
            figures.Add(Figure.AtLeast($"AMI parse, {label}", messages / seconds, "messages/s", TargetMessagesPerSecond));
            figures.Add(new Figure(
                $"AMI parse, {label}: allocated",
                Figure.Format(allocated),
                "B/message",
                $"<= {ownBytes:F0} (the message)",
                allocated <= ownBytes + 1));
        }

        foreach (var (method, label) in new[]
        {
            ("EventName", "EventName"), ("Uniqueid", "[\"Uniqueid\"]"), ("Channel", "[\"Channel\"]"),
            ("UniqueidIndexOnly", "IndexOf(\"Uniqueid\")"), ("AbsentTimestamp", "[\"Timestamp\"] (absent)"), ("AdapterReads", "EventName+Uniqueid+Channel"),
        })
        {
            var report = BenchmarkConfig.Report(summary, method);
            figures.Add(Figure.Info($"header read {label}", BenchmarkConfig.MeanNanoseconds(report) / events, "ns/event"));
            figures.Add(Figure.Info($"header read {label}: allocated", BenchmarkConfig.AllocatedBytes(report) / events, "B/event"));
        }

        return figures;
    }

    /// <summary>Bytes this thread allocates parsing the mix once with a fresh reader (includes the reader itself).</summary>
    private static long SinglePassAllocatedBytes(FixtureMix mix)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reader = new AmiFrameReader(expectBanner: false);
        var buffer = new ReadOnlySequence<byte>(mix.Bytes);
        var count = 0;
        while (reader.TryRead(ref buffer, out _))
        {
            count++;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return count == mix.Messages.Count ? allocated : throw new InvalidOperationException($"parsed {count} messages, expected {mix.Messages.Count}");
    }
}
