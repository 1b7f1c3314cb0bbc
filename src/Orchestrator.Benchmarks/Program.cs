using Orchestrator.Benchmarks;
using Orchestrator.Benchmarks.Latency;
using Orchestrator.Benchmarks.Parsing;
using Orchestrator.Benchmarks.RoundTrip;

// dotnet run -c Release --project src/Orchestrator.Benchmarks -- [parse|roundtrip|latency|all] [--quick] [--in-process] [--every-event]
// What each benchmark measures, and the latest figures: docs/performance.md.
if (args is [SimulatorServer.Command, .. var serverArgs])
{
    // Hidden: the latency benchmark's simulator, started by the benchmark itself as a child process.
    return await SimulatorServer.RunAsync(serverArgs);
}

if (!BenchmarkCommandLine.TryParse(args, out var command, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkCommandLine.Usage);
    return 2;
}

Console.WriteLine(MachineInfo.Describe());
// Latency first, on a fresh heap: run after the BenchmarkDotNet suites it inherited their garbage (more GC pause
// inside the measured interval: 134 against 106 to 117 ms per minute, docs/performance.md). The table keeps its order.
var latency = command.Latency ? await LatencySuite.RunAsync(command.Quick, command.InProcess, command.EveryEvent) : [];
var figures = new List<Figure>();
if (command.Parse)
{
    figures.AddRange(ParseSuite.Run(command.Quick));
}

if (command.RoundTrip)
{
    figures.AddRange(RoundTripSuite.Run(command.Quick));
}

figures.AddRange(latency);

Console.WriteLine();
Console.WriteLine($"machine at the end: {MachineInfo.LoadAverage()}");
FigureTable.Write(Console.Out, figures);
return 0;
