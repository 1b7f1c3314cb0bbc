using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Demo;
using Orchestrator.Host.Hosting;
using Orchestrator.Host.Tests.Infrastructure;
using Orchestrator.Simulator.Ari;

namespace Orchestrator.Host.Tests.Switching;

/// <summary>The host over ARI: a real Asterisk by configuration alone (here the ARI simulator stands in), and the demo.</summary>
public sealed class AriSwitchHostTests
{
    [Fact]
    public async Task AsteriskAri_ByConfigurationAlone_ConnectsAndIsReady()
    {
        await using var asterisk = new AsteriskAriSimulator(new AsteriskAriSimulatorOptions { Port = 0 });
        asterisk.Start();
        var host = await RunningHost.StartAsync(
        [
            "--Switch:Type=AsteriskAri",
            "--Switch:Ari:Host=127.0.0.1",
            $"--Switch:Ari:Port={asterisk.Port}",
            "--Switch:Ari:Username=orchestrator",
            "--Switch:Ari:Password=ari-secret",
        ]);
        try
        {
            var body = await Eventually.JsonAsync(
                async () =>
                {
                    var (status, json) = await host.SendAsync(HttpMethod.Get, "health/ready");
                    return status == HttpStatusCode.OK ? json : null;
                },
                "/health/ready to answer 200 over ARI");

            var switchCheck = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "switch");
            Assert.Equal("asterisk-ari", switchCheck.GetProperty("data").GetProperty("adapter").GetString());
            Assert.Contains(asterisk.Control.Applications, a => a == "orchestrator");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_OverTheAriSimulator_ConnectsCalls()
    {
        var output = new StringWriter(new StringBuilder());
        var host = await RunningHost.StartAsync(
            ["--Simulator:Protocol=Ari", "--Demo:Enabled=true", "--Demo:RunMinutes=0.3", "--Demo:Leads=200", "--Demo:Agents=4"],
            builder => builder.Services.AddSingleton(new DemoSummaryOutput(output)));
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.App.WaitForShutdownAsync(deadline.Token);

            var summary = host.Service<DemoRun>().Summary;
            Assert.NotNull(summary);
            Assert.True(summary.Connects > 0, "no call reached an agent over ARI");
            Assert.Equal(0, summary.Abandons);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public void AsteriskAri_WithoutItsAccount_ListsEveryMissingSetting()
    {
        var settings = new OrchestratorSettings();
        settings.Switch.Type = SwitchTypes.AsteriskAri;

        var problems = OrchestratorSettingsValidator.Check(settings);

        Assert.Contains(problems, p => p.StartsWith("Switch:Ari:Host is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Switch:Ari:Username is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Switch:Ari:Password is empty", StringComparison.Ordinal));
    }
}
