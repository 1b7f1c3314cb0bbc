using System.Diagnostics;

namespace Orchestrator.TestSupport;

/// <summary>
/// A real redis-server started for tests: loopback only, no persistence, its working files in a temp directory.
/// It is killed on dispose, and also when the test host exits without disposing it (an aborted run).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly EventHandler _killOnExit;

    private RedisServer(Process process, DirectoryInfo directory, int port, string version)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Version = version;
        ProcessId = process.Id;
        _killOnExit = (_, _) => Kill();
        AppDomain.CurrentDomain.ProcessExit += _killOnExit;
    }

    public int Port { get; }

    /// <summary>The server's version, from INFO server (e.g. "7.0.15").</summary>
    public string Version { get; }

    public int ProcessId { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a server on a free port and waits (at most 10 s) until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = RedisServerLocator.Find();
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort.Next();
            var directory = Directory.CreateTempSubdirectory("orchestrator-redis-");
            var process = Launch(executable, port, directory.FullName, out var output);
            try
            {
                var version = await WaitUntilReadyAsync(process, port, output, cancellationToken);
                return new RedisServer(process, directory, port, version);
            }
            catch (PortTakenException) when (attempt < StartAttempts)
            {
                // Someone took the port between FreeTcpPort and redis-server's bind: try another.
                Cleanup(process, directory);
            }
            catch
            {
                Cleanup(process, directory);
                throw;
            }
        }
    }

    /// <summary>Kills the server and waits for it to exit (used to simulate an outage).</summary>
    public async Task StopAsync()
    {
        Kill();
        using var timeout = new CancellationTokenSource(StopTimeout, TimeProvider.System);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= _killOnExit;
        try
        {
            await StopAsync();
        }
        finally
        {
            Cleanup(_process, _directory);
        }
    }

    private static Process Launch(string executable, int port, string directory, out RedisOutput output)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[]
        {
            "--port", $"{port}", "--bind", "127.0.0.1", "--protected-mode", "yes",
            "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var captured = new RedisOutput();
        process.OutputDataReceived += (_, e) => captured.Add(e.Data);
        process.ErrorDataReceived += (_, e) => captured.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = captured;
        return process;
    }

    private static async Task<string> WaitUntilReadyAsync(Process process, int port, RedisOutput output, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(StartTimeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            if (process.HasExited)
            {
                var log = output.Text();
                throw log.Contains("Address already in use", StringComparison.Ordinal)
                    ? new PortTakenException()
                    : new InvalidOperationException($"redis-server exited with code {process.ExitCode} while starting on port {port}:\n{log}");
            }

            try
            {
                if (await RespProbe.SendAsync(port, "PING", linked.Token) == "PONG")
                {
                    return ParseVersion(await RespProbe.SendAsync(port, "INFO server", linked.Token));
                }
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException && !linked.IsCancellationRequested)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(PollInterval, TimeProvider.System, linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }
        }

        throw new TimeoutException($"redis-server did not answer PING on port {port} within {StartTimeout.TotalSeconds} s:\n{output.Text()}");
    }

    private static string ParseVersion(string info) =>
        info.Split('\n')
            .Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith("redis_version:", StringComparison.Ordinal))?["redis_version:".Length..]
        ?? throw new InvalidOperationException($"INFO server has no redis_version line:\n{info}");

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void Cleanup(Process process, DirectoryInfo directory)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(StopTimeout);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private sealed class PortTakenException : Exception;

    /// <summary>The server's last output lines, for the message when it fails to start.</summary>
    private sealed class RedisOutput
    {
        private const int MaxLines = 50;
        private readonly Queue<string> _lines = new();
        private readonly Lock _gate = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _lines.Enqueue(line);
                if (_lines.Count > MaxLines)
                {
                    _lines.Dequeue();
                }
            }
        }

        public string Text()
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }
}
