using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Simulator.Ami;
using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Benchmarks.RoundTrip;

/// <summary>
/// Originate round trips: <see cref="AmiClient.SendAsync"/> of an async Originate (the adapter's headers) to the
/// simulator on loopback, until its <c>Response: Success</c> is back. One operation is one round trip; an invocation
/// runs <see cref="RoundTripsPerInvoke"/> of them with <see cref="InFlight"/> outstanding at a time.
/// </summary>
/// <remarks>
/// The simulator runs the orchestrator dialplan with <see cref="FailFast"/>, so every call fails at once and the
/// simulator does as little as a call allows. With <see cref="Events"/> <c>off</c> the connection carries only actions
/// and responses; with <c>on</c> it also carries each call's events, which a background task drains as the adapter would.
/// </remarks>
public class OriginateRoundTripBenchmarks : IDisposable
{
    public const int RoundTripsPerInvoke = 2000;

    private AsteriskAmiSimulator _simulator = null!;
    private AmiClient _client = null!;
    private Task _drain = Task.CompletedTask;
    private long _next;
    private bool _cleaned;

    /// <summary>Every customer fails (congestion or unreachable, half each) the moment it is dialed.</summary>
    public static OutcomeModel FailFast { get; } = new()
    {
        Name = "fail-fast",
        Seed = 7,
        Outcomes = new OutcomeProbabilities(Live: 0, Machine: 0, NoAnswer: 0, Busy: 0, Failed: 1),
        SignalSeconds = Distribution.Fixed(0),
    };

    [Params(1, 32)]
    public int InFlight { get; set; }

    [Params("off", "on")]
    public string Events { get; set; } = "off";

    [GlobalSetup]
    public void Setup()
    {
        _simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions { Outcomes = FailFast });
        _simulator.Start();
        _client = new AmiClient(
            new AmiClientOptions { Host = "127.0.0.1", Port = _simulator.Port, Username = "orchestrator", Secret = "secret", Events = Events },
            TimeProvider.System,
            NullLogger<AmiClient>.Instance);
        _client.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System).GetAwaiter().GetResult();
        _drain = DrainAsync(_client);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_cleaned || _client is null)
        {
            return;
        }

        _cleaned = true;
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _drain.GetAwaiter().GetResult();
        _simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    [Benchmark(OperationsPerInvoke = RoundTripsPerInvoke)]
    public Task Originate()
    {
        var remaining = RoundTripsPerInvoke;
        var workers = new Task[InFlight];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkAsync();
        }

        return Task.WhenAll(workers);

        async Task WorkAsync()
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await _client.SendAsync(NewOriginate(), CancellationToken.None);
            }
        }
    }

    /// <summary>The Originate AmiSwitchAdapter.OriginateAsync sends, with a fresh leg id.</summary>
    private AmiAction NewOriginate()
    {
        var leg = "rt-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        return new AmiAction("Originate")
            .Add("Channel", "PJSIP/15551230001@trunk")
            .Add("Context", "orchestrator-customer")
            .Add("Exten", "s")
            .Add("Priority", "1")
            .Add("CallerID", "\"Campaign\" <5550001>")
            .Add("Timeout", "30000")
            .Add("Async", "true")
            .Add(AmiHeaders.ActionId, "orig-" + leg)
            .Add("ChannelId", leg)
            .Add("OtherChannelId", leg + "-2")
            .Add(AmiHeaders.Variable, "ORCH_LEG=" + leg);
    }

    private static async Task DrainAsync(AmiClient client)
    {
        await foreach (var _ in client.Events.ReadAllAsync())
        {
        }
    }
}
