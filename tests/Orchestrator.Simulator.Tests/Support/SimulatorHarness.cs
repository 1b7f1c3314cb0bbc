using Microsoft.Extensions.Time.Testing;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Ami;

namespace Orchestrator.Simulator.Tests.Support;

/// <summary>
/// A simulator on a free loopback port under a fake clock. Time moves only when a test says so, and only after
/// the simulator has started every action sent so far (so each action's timers exist before the clock moves).
/// </summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 23, 19, 49, 50, TimeSpan.Zero);

    private readonly List<AmiTestClient> _clients = [];

    public SimulatorHarness(AsteriskAmiSimulatorOptions? options = null)
    {
        Time = new FakeTimeProvider(Epoch);
        Simulator = new AsteriskAmiSimulator(options, Time);
        Simulator.Start();
    }

    public FakeTimeProvider Time { get; }

    public AsteriskAmiSimulator Simulator { get; }

    public TimeSpan Elapsed => Time.GetUtcNow() - Epoch;

    public async Task<AmiTestClient> ConnectAsync()
    {
        var client = await AmiTestClient.ConnectAndGreetAsync(Simulator.Port);
        _clients.Add(client);
        return client;
    }

    /// <summary>Connects and logs in; <paramref name="events"/> is the Login's Events header (null: none, i.e. all events).</summary>
    public async Task<AmiTestClient> LoginAsync(string? events = null)
    {
        var client = await ConnectAsync();
        var login = new AmiAction("Login").Add("Username", "orchestrator").Add("Secret", "secret").AddIfSet("Events", events);
        await client.SendAsync(login);
        var response = await client.ReadResponseAsync(login.ActionId!);
        Assert.Equal("Success", response.ResponseStatus);
        if (events is null)
        {
            await client.ReadUntilAsync(m => m.EventName == "SuccessfulAuth");
        }

        return client;
    }

    /// <summary>Every action sent by this harness's clients so far.</summary>
    public long Sent => _clients.Sum(c => (long)c.Sent);

    /// <summary>Sends an action and waits until the simulator has started every action sent so far (their timers exist).</summary>
    public async Task SendAsync(AmiTestClient client, AmiAction action)
    {
        await client.SendAsync(action);
        await WaitForDispatchedAsync(Sent);
    }

    public async Task WaitForDispatchedAsync(long count)
    {
        using var timeout = new CancellationTokenSource(AmiTestClient.Patience);
        while (Simulator.Control.Counters.ActionsDispatched < count)
        {
            await Task.Delay(2, timeout.Token);
        }
    }

    /// <summary>Moves the fake clock forward; every step due on the way runs at its own instant.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Moves the fake clock to <paramref name="offset"/> after <see cref="Epoch"/> (never backwards).</summary>
    public void AdvanceTo(TimeSpan offset)
    {
        var by = offset - Elapsed;
        if (by > TimeSpan.Zero)
        {
            Advance(by);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}
