using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Orchestrator.Benchmarks;

/// <summary>
/// One BenchmarkDotNet configuration for every microbenchmark: in process (no second build of the solution on a
/// machine that other builds share), allocations measured, artifacts under the binary's folder.
/// </summary>
internal static class BenchmarkConfig
{
    public static IConfig Create(bool quick)
    {
        var job = quick
            ? Job.Default.WithWarmupCount(5).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(100))
            : Job.Default.WithMinIterationCount(15).WithMaxIterationCount(40);

        return ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).WithId(quick ? "quick" : "full"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.JoinSummary);
    }

    /// <summary>The report of the benchmark method <paramref name="method"/> (and parameter values, if any).</summary>
    public static BenchmarkReport Report(Summary summary, string method, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
                && parameters.All(p => Equals(r.BenchmarkCase.Parameters[p.Name], p.Value)))
            ?? throw new InvalidOperationException($"BenchmarkDotNet produced no report for {method}; see its log above.");
    }

    /// <summary>Mean time per benchmark operation, in nanoseconds.</summary>
    public static double MeanNanoseconds(BenchmarkReport report) =>
        report.ResultStatistics?.Mean ?? throw new InvalidOperationException($"{report.BenchmarkCase.DisplayInfo} has no result (it failed; see the log above).");

    /// <summary>Bytes allocated per benchmark operation (BenchmarkDotNet's Allocated column).</summary>
    public static double AllocatedBytes(BenchmarkReport report) =>
        report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN;
}
