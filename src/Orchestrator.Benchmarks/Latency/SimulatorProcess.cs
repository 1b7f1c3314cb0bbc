using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// The benchmark's handle on a simulator running in a child process (<see cref="SimulatorServer"/>, this same
/// executable started with <c>sim-server</c>): commands and figures over the child's stdin/stdout, one line each way;
/// the AMI traffic itself only over the loopback socket. Disposing it ends the child (asked, then killed).
/// </summary>
internal sealed class SimulatorProcess : ISimulatorSide
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SimulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Where => $"in its own process (pid {_process.Id})";

    public static async Task<SimulatorProcess> StartAsync(int run)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's executable is unknown; cannot start the simulator process.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };

        // The stand-in for Asterisk, whose session threads read their sockets themselves: socket completions run on
        // the event thread instead of hopping to the thread pool, so the instrument adds no hand-off of its own.
        start.Environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1";
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            // Started as `dotnet Orchestrator.Benchmarks.dll`: the child the same way.
            start.ArgumentList.Add(typeof(SimulatorProcess).Assembly.Location);
        }

        foreach (var argument in (string[])[SimulatorServer.Command, "--run", Invariant(run), "--parent", Invariant(Environment.ProcessId)])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host} {SimulatorServer.Command}.");
        try
        {
            var ready = (await ReadLineAsync(process)).Split(' ');
            if (ready is not ["ready", var port, var frequency])
            {
                throw new InvalidOperationException($"The simulator process said '{string.Join(' ', ready)}' instead of 'ready <port> <frequency>'.");
            }

            if (long.Parse(frequency, CultureInfo.InvariantCulture) != Stopwatch.Frequency)
            {
                throw new InvalidOperationException($"The simulator process's Stopwatch runs at {frequency} Hz, the benchmark's at {Stopwatch.Frequency}: their stamps are not comparable.");
            }

            return new SimulatorProcess(process, int.Parse(port, CultureInfo.InvariantCulture));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    public async Task<long> EventsWrittenAsync() => long.Parse(await AskAsync("events"), CultureInfo.InvariantCulture);

    public async Task StartLoadAsync(double perSecond) => await AskAsync("load " + perSecond.ToString("R", CultureInfo.InvariantCulture));

    public async Task StopLoadAsync() => await AskAsync("stop-load");

    public async Task<long> WindowStartAsync() => long.Parse(await AskAsync("window-start"), CultureInfo.InvariantCulture);

    public async Task<long> WindowEndAsync() => long.Parse(await AskAsync("window-end"), CultureInfo.InvariantCulture);

    public async Task<SimulatorReport> ReportAsync() =>
        JsonSerializer.Deserialize(await AskAsync("report"), SimulatorReportJson.Default.SimulatorReport)
        ?? throw new InvalidOperationException("The simulator process sent an empty report.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await AskAsync("quit");
                using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(20), TimeProvider.System);
                await _process.WaitForExitAsync(exited.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"the simulator process {_process.Id} did not quit ({e.Message}); killing it");
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.Dispose();
            _gate.Dispose();
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout, TimeProvider.System);
        try
        {
            return await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The simulator process {process.Id} closed its output (exited: {process.HasExited}).");
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"The simulator process {process.Id} did not answer within {ReplyTimeout.TotalSeconds:F0} s.");
        }
    }

    /// <summary>Sends one command and returns what follows <c>ok </c> in the reply.</summary>
    private async Task<string> AskAsync(string command)
    {
        await _gate.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            var reply = await ReadLineAsync(_process);
            return reply == "ok" ? string.Empty
                : reply.StartsWith("ok ", StringComparison.Ordinal) ? reply[3..]
                : throw new InvalidOperationException($"The simulator process answered '{command}' with '{reply}'.");
        }
        finally
        {
            _gate.Release();
        }
    }
}
