using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orchestrator.Protocols.Ari.Tests;

public sealed class AriClientOptionsValidatorTests
{
    [Fact]
    public void Defaults_WithHostAndCredentials_AreValid()
    {
        var options = new AriClientOptions { Host = "127.0.0.1", Username = "orchestrator", Password = "ari-secret" };
        Assert.True(new AriClientOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(8088, options.Port);
        Assert.Equal("orchestrator", options.Application);
        Assert.Equal(new Uri("http://127.0.0.1:8088/ari/"), options.RestBaseAddress);
        Assert.Equal(new Uri("ws://127.0.0.1:8088/ari/events?app=orchestrator&subscribeAll=false"), options.EventsUri);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_WithItsFix()
    {
        var options = new AriClientOptions
        {
            Host = string.Empty,
            Port = 0,
            Application = "my app",
            RequestTimeout = TimeSpan.FromSeconds(40),
            TotalRequestTimeout = TimeSpan.FromSeconds(30),
            ReconnectDelayMin = TimeSpan.FromSeconds(10),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            EventQueueCapacity = 0,
        };

        var result = new AriClientOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Host", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Username", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Password", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Port", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Stasis app name", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TotalRequestTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ReconnectDelayMax", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("EventQueueCapacity", StringComparison.Ordinal));
    }

    [Fact]
    public void AddAriClient_ValidatesWhenTheOptionsAreFirstRead()
    {
        var services = new ServiceCollection();
        services.AddAriClient(o => o.Host = "127.0.0.1");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AriClientOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("Username", StringComparison.Ordinal));
    }
}
