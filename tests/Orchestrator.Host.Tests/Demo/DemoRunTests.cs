using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orchestrator.Host.Demo;
using Orchestrator.Host.Hosting;
using Orchestrator.Host.Tests.Infrastructure;

namespace Orchestrator.Host.Tests.Demo;

/// <summary>The demo end to end: seeded, simulated agents working against the simulator, stopped by its timer, summarised.</summary>
public sealed class DemoRunTests
{
    [Fact]
    public async Task Demo_RunsForItsMinutes_StopsByItself_AndPrintsASummaryFromTheDatabase()
    {
        var output = new StringWriter(new StringBuilder());
        var host = await RunningHost.StartAsync(
            ["--Demo:Enabled=true", "--Demo:RunMinutes=0.3", "--Demo:Leads=200", "--Demo:Agents=4"],
            builder => builder.Services.AddSingleton(new DemoSummaryOutput(output)));
        try
        {
            // The demo stops the host itself after Demo:RunMinutes.
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.App.WaitForShutdownAsync(deadline.Token);
            Assert.False(deadline.IsCancellationRequested, "the demo did not stop by itself");

            var summary = host.Service<DemoRun>().Summary;
            Assert.NotNull(summary);
            Assert.True(summary.Dials > 0, "no call was dialed");
            Assert.True(summary.Connects > 0, "no call reached an agent");
            Assert.True(summary.Answers >= summary.Connects);
            Assert.Equal(4, summary.Agents);
            Assert.InRange(summary.MeanOccupancy, 0.01, 1);
            Assert.Contains(summary.Dispositions, d => !d.BySystem);
            Assert.All(summary.Dispositions.Where(d => !d.BySystem), d => Assert.Contains(d.Code, new[] { "SALE", "NOINT", "CALLBK", "WRONG", "DNC" }));

            var text = output.ToString();
            Assert.Contains("Demo summary: campaign", text, StringComparison.Ordinal);
            Assert.Contains(" Connects ", text, StringComparison.Ordinal);
            Assert.Contains(" Abandon rate ", text, StringComparison.Ordinal);
            Assert.Contains(" Agent occupancy ", text, StringComparison.Ordinal);
            Assert.Contains(" Dispositions", text, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public void DispositionMix_IsTheFixedShares()
    {
        Assert.Equal(1.0, DemoDisposition.Mix.Sum(m => m.Share), 9);
        Assert.Equal("SALE", DemoDisposition.Pick(0.10, 0.5).Code);
        Assert.Equal("NOINT", DemoDisposition.Pick(0.45, 0.5).Code);
        Assert.Equal("CALLBK", DemoDisposition.Pick(0.80, 0.5).Code);
        Assert.Equal("WRONG", DemoDisposition.Pick(0.87, 0.5).Code);
        Assert.Equal("DNC", DemoDisposition.Pick(0.95, 0.5).Code);

        var now = DateTimeOffset.UnixEpoch;
        var callback = DemoDisposition.Pick(0.80, 0.5).ToSubmission(now);
        Assert.Equal(now.AddDays(1), callback.CallbackAt);
        Assert.Equal("plus", DemoDisposition.Pick(0.1, 0.5).ToSubmission(now).Answers!["plan"]);
    }
}
