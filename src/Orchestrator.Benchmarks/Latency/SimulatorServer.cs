using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Orchestrator.Benchmarks.Fixtures;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// The child side of <c>latency</c> (hidden command <c>sim-server --run N --parent PID</c>): one run's simulated
/// Asterisk in a process of its own, as in production, driven by the benchmark over stdin/stdout, one line each way:
/// <c>events</c>, <c>load &lt;events/s&gt;</c>, <c>stop-load</c>, <c>window-start</c>, <c>window-end</c>,
/// <c>report</c> (one JSON line), <c>quit</c>; each answered <c>ok [value]</c> or <c>error &lt;message&gt;</c>.
/// It announces itself with <c>ready &lt;port&gt; &lt;Stopwatch.Frequency&gt;</c>. The benchmark talks to it otherwise
/// only over the loopback AMI socket. It exits when stdin closes (the benchmark ended or died) or, as a backstop,
/// when its parent process is gone.
/// </summary>
internal static class SimulatorServer
{
    public const string Command = "sim-server";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (!TryParse(args, out var run, out var parent))
        {
            await Console.Error.WriteLineAsync($"usage: {Command} --run <n> --parent <pid>");
            return 2;
        }

        using var pauses = new GcPauseRecorder();
        var commands = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var stdin = new Thread(() => ReadCommands(commands.Writer)) { IsBackground = true, Name = "sim-server stdin" };
        stdin.Start();
        _ = WatchParentAsync(parent);

        var background = LatencySuite.Background(FixtureMix.Shared);
        await using var host = new SimulatorHost(run, background, pauses);
        Reply(FormattableString.Invariant($"ready {host.Port} {Stopwatch.Frequency}"));
        await foreach (var command in commands.Reader.ReadAllAsync())
        {
            string reply;
            try
            {
                reply = await HandleAsync(host, command);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or IOException)
            {
                reply = "error " + e.Message.ReplaceLineEndings(" ");
            }

            Reply(reply);
            if (command == "quit")
            {
                break;
            }
        }

        return 0;
    }

    private static async Task<string> HandleAsync(SimulatorHost host, string command)
    {
        var (verb, argument) = command.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? (command[..space], command[(space + 1)..]) : (command, string.Empty);
        switch (verb)
        {
            case "events":
                return Ok(await host.EventsWrittenAsync());
            case "load":
                await host.StartLoadAsync(double.Parse(argument, CultureInfo.InvariantCulture));
                return "ok";
            case "stop-load":
                await host.StopLoadAsync();
                return "ok";
            case "window-start":
                return Ok(await host.WindowStartAsync());
            case "window-end":
                return Ok(await host.WindowEndAsync());
            case "report":
                return "ok " + JsonSerializer.Serialize(await host.ReportAsync(), SimulatorReportJson.Default.SimulatorReport);
            case "quit":
                return "ok";
            default:
                return $"error unknown command '{command}'";
        }
    }

    private static string Ok(long value) => "ok " + value.ToString(CultureInfo.InvariantCulture);

    /// <summary>stdout carries the protocol only; Console.Out is synchronized and flushes every write.</summary>
    private static void Reply(string line) => Console.Out.WriteLine(line);

    /// <summary>On a thread of its own (a console read blocks): every line into the channel, completed at end of input.</summary>
    private static void ReadCommands(ChannelWriter<string> commands)
    {
        try
        {
            while (Console.In.ReadLine() is { } line)
            {
                commands.TryWrite(line.Trim());
            }
        }
        catch (IOException)
        {
            // The pipe broke: the benchmark is gone.
        }

        commands.TryComplete();
    }

    /// <summary>Backstop for a parent that died without its stdin pipe closing: exits once this process has been re-parented.</summary>
    private static async Task WatchParentAsync(int parent)
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System);
            if (ParentProcessId() is { } current && current != parent)
            {
                await Console.Error.WriteLineAsync($"{Command}: the benchmark process {parent} is gone; exiting");
                Environment.Exit(3);
            }
        }
    }

    /// <summary>The fourth field of <c>/proc/self/stat</c> (after the command name in parentheses); null where there is no procfs.</summary>
    private static int? ParentProcessId()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out int run, out int parent)
    {
        run = 0;
        parent = 0;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
            switch (args[i])
            {
                case "--run":
                    run = value;
                    break;
                case "--parent":
                    parent = value;
                    break;
                default:
                    return false;
            }
        }

        return run > 0 && parent > 0;
    }
}

/// <summary>The report's wire format (source-generated: no reflection).</summary>
[JsonSerializable(typeof(SimulatorReport))]
internal sealed partial class SimulatorReportJson : JsonSerializerContext;
