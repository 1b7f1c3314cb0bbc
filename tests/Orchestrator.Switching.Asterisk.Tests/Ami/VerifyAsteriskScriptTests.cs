using System.Diagnostics;
using Orchestrator.Simulator.Ami;

namespace Orchestrator.Switching.Asterisk.Tests.Ami;

/// <summary>scripts/verify-asterisk.sh, the one command an installer runs, against the simulated Asterisk.</summary>
public sealed class VerifyAsteriskScriptTests
{
    [Fact]
    public async Task Verify_AgainstAnAsteriskWithTheOrchestratorDialplan_ReportsReady()
    {
        await using var simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions { Port = 0 });
        simulator.Start();

        var (exitCode, output) = await RunAsync(simulator.Port, "secret");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Asterisk 22.10.1", output, StringComparison.Ordinal);
        Assert.Contains("dialplan context [orchestrator-connect] present", output, StringComparison.Ordinal);
        Assert.Contains("ready for the orchestrator", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithAWrongSecret_SaysWhereToFixIt()
    {
        await using var simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions { Port = 0, AuthFailureDelay = TimeSpan.FromMilliseconds(50) });
        simulator.Start();

        var (exitCode, output) = await RunAsync(simulator.Port, "wrong");

        Assert.Equal(1, exitCode);
        Assert.Contains("login refused for 'orchestrator'", output, StringComparison.Ordinal);
        Assert.Contains("manager.conf", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(int port, string secret)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "verify-asterisk.sh"), "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "orchestrator"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ORCH_AMI_SECRET"] = secret;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Orchestrator.sln not found above the test directory.");
    }
}
