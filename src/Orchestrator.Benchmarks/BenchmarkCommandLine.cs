namespace Orchestrator.Benchmarks;

/// <summary>
/// Which benchmarks to run, whether briefly (<c>--quick</c>, a smoke run for CI), and whether the latency benchmark's
/// simulator runs in the benchmark's own process (<c>--in-process</c>) rather than in a child process, and whether its
/// client makes a message of every event (<c>--every-event</c>) rather than only of those the adapter reads.
/// </summary>
internal sealed record BenchmarkCommandLine(bool Parse, bool RoundTrip, bool Latency, bool Quick, bool InProcess = false, bool EveryEvent = false)
{
    public const string Usage =
        "usage: dotnet run -c Release --project src/Orchestrator.Benchmarks -- [parse|roundtrip|latency|all] [--quick] [--in-process] [--every-event]\n" +
        "  parse      AMI frame parsing of the recorded fixture mix, and the adapter's typed header reads (BenchmarkDotNet)\n" +
        "  roundtrip  Originate round trips per second, AmiClient against the simulator on loopback (BenchmarkDotNet)\n" +
        "  latency    answer event written -> Redirect read, and event loss, at 400 originations/s and 25,000 events/s,\n" +
        "             the simulator in a process of its own (one per run), as Asterisk is in production\n" +
        "  all        all three (the default)\n" +
        "  --quick    short runs: a smoke test that the harness works, not figures to quote\n" +
        "  --in-process  latency: run the simulator inside the benchmark's process instead (to compare)\n" +
        "  --every-event latency: turn the adapter's event filter off, so the client makes a message of every event\n" +
        "             (as before the filter; to compare)";

    public static bool TryParse(IReadOnlyList<string> args, out BenchmarkCommandLine command, out string? error)
    {
        var which = "all";
        var quick = false;
        var inProcess = false;
        var everyEvent = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--in-process":
                    inProcess = true;
                    break;
                case "--every-event":
                    everyEvent = true;
                    break;
                case "parse" or "roundtrip" or "latency" or "all":
                    which = arg;
                    break;
                default:
                    command = new BenchmarkCommandLine(false, false, false, false);
                    error = $"unknown argument '{arg}'";
                    return false;
            }
        }

        var all = which == "all";
        command = new BenchmarkCommandLine(all || which == "parse", all || which == "roundtrip", all || which == "latency", quick, inProcess, everyEvent);
        error = null;
        return true;
    }
}
