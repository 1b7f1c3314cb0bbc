using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Orchestrator.Host.Tests.Configuration;

/// <summary>A misconfigured host refuses to start, with one message that names every problem.</summary>
public sealed class StartupValidationTests
{
    private static readonly string[] ThreeProblems =
    [
        "--Switch:Type=Asterisk",
        "--Switch:Ami:Username=orchestrator",
        "--Switch:Ami:Secret=secret",
        "--Database:ConnectionString=Data Source=./x.db;Colour=blue",
    ];

    [Fact]
    public void CreateApp_WithUnknownSwitchMissingHostAndBadConnectionString_FailsWithOneMessageNamingAllThree()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Program.CreateApp(ThreeProblems));

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains("Switch:Type 'Asterisk' is not known", error.Message, StringComparison.Ordinal);
        Assert.Contains("Switch:Ami:Host is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:ConnectionString is not a valid SQLite connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_WithBadConfiguration_PrintsThePlainListAndExitsWithOne()
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Orchestrator.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(hostDll);
        foreach (var arg in ThreeProblems)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var message = await stderr;
        Assert.StartsWith("Outbound Orchestrator cannot start: 3 configuration problems.", message, StringComparison.Ordinal);
        Assert.Contains(". Switch:Type 'Asterisk' is not known", message, StringComparison.Ordinal);
        Assert.Contains("Switch:Ami:Host", message, StringComparison.Ordinal);
        Assert.Contains("Database:ConnectionString", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await stdout + message, StringComparison.Ordinal);
    }
}
