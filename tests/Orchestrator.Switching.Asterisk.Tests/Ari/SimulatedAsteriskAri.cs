using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Core.Attempts;
using Orchestrator.Protocols.Ari;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Simulator.Ari;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Switching.Asterisk.Ari;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Tests.Ari;

/// <summary>
/// The ARI adapter, with the ARI client as the host builds it (AddAriClient: typed HttpClient, resilience pipeline),
/// connected over loopback to the built-in ARI simulator.
/// </summary>
internal sealed class SimulatedAsteriskAri : IAsyncDisposable
{
    private readonly List<SwitchEvent> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _provider;
    private readonly Task _reader;

    private SimulatedAsteriskAri(AsteriskAriSimulator simulator, ServiceProvider provider, AriSwitchAdapter adapter)
    {
        Simulator = simulator;
        _provider = provider;
        Adapter = adapter;
        _reader = Task.Run(ReadEventsAsync);
    }

    public AsteriskAriSimulator Simulator { get; }

    public AriSimulatorControl Control => Simulator.Control;

    public AriSwitchAdapter Adapter { get; }

    public static async Task<SimulatedAsteriskAri> StartAsync(OutcomeModel outcomes, Action<AriClientOptions>? client = null)
    {
        var options = new AsteriskAriSimulatorOptions
        {
            Outcomes = outcomes,
            Seed = 3,
            AgentAnswerDelay = TimeSpan.FromMilliseconds(100),
            DefaultPlaybackDuration = TimeSpan.FromMilliseconds(200),
        };
        options.SoundDurations["orchestrator/safe-harbor"] = TimeSpan.FromMilliseconds(200);
        var simulator = new AsteriskAriSimulator(options);
        simulator.Start();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAriClient(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = simulator.Port;
            o.Username = "orchestrator";
            o.Password = "ari-secret";
            o.RequestTimeout = TimeSpan.FromSeconds(5);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(10);
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            o.ReconnectDelayMin = TimeSpan.FromMilliseconds(50);
            o.ReconnectDelayMax = TimeSpan.FromMilliseconds(200);
            o.KeepaliveInterval = TimeSpan.Zero;
            client?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        var adapter = new AriSwitchAdapter(provider.GetRequiredService<AriClient>(), new AriSwitchOptions(), TimeProvider.System, NullLogger<AriSwitchAdapter>.Instance);
        await adapter.StartAsync(CancellationToken.None);
        var asterisk = new SimulatedAsteriskAri(simulator, provider, adapter);
        await asterisk.WaitForAsync<SwitchConnectionChanged>(c => c.State == SwitchConnectionState.Ready, "the adapter is ready");
        return asterisk;
    }

    /// <summary>Every dialed customer does <paramref name="outcome"/>; AMD (when asked for) decides without mistakes.</summary>
    public static OutcomeModel Always(OutcomeClass outcome, double pickupSeconds = 0.1, double talkSeconds = 0.3) => new()
    {
        Name = outcome.ToString(),
        Outcomes = outcome switch
        {
            OutcomeClass.Live => new OutcomeProbabilities(1, 0, 0, 0, 0),
            OutcomeClass.Machine => new OutcomeProbabilities(0, 1, 0, 0, 0),
            OutcomeClass.NoAnswer => new OutcomeProbabilities(0, 0, 1, 0, 0),
            OutcomeClass.Busy => new OutcomeProbabilities(0, 0, 0, 1, 0),
            _ => new OutcomeProbabilities(0, 0, 0, 0, 1),
        },
        PickupSeconds = Distribution.Fixed(pickupSeconds),
        SignalSeconds = Distribution.Fixed(0.05),
        NoAnswerTimeoutSeconds = 1,
        GreetingSeconds = Distribution.Fixed(0.1),
        Amd = new AmdModel { Enabled = true, HumanDecisionAfterGreetingSeconds = 0.05, MachineDecisionSeconds = Distribution.Fixed(0.1), MachineHandlingSeconds = talkSeconds },
        TalkSeconds = Distribution.Fixed(talkSeconds),
        WrapSeconds = Distribution.Fixed(0.1),
    };

    public static LegId NewCustomerLeg() => LegId.ForAttempt(AttemptId.New(TimeProvider.System));

    public Task OriginateAsync(LegId leg, bool detectMachine = false, double ringSeconds = 5, IReadOnlyDictionary<string, string>? variables = null) =>
        Adapter.OriginateAsync(
            new OriginateCommand(leg, "+15551230001", new CallerId("Campaign", "5550001"), null, TimeSpan.FromSeconds(ringSeconds), detectMachine, variables ?? new Dictionary<string, string>()),
            CancellationToken.None);

    public Task OpenAgentLegAsync(LegId leg, long agentId) =>
        Adapter.OpenAgentLegAsync(new AgentLegCommand(leg, agentId, $"PJSIP/{1000 + agentId}", new CallerId("Desk", "0"), TimeSpan.FromSeconds(5)), CancellationToken.None);

    /// <summary>An agent leg, answered and held; a customer, answered; and the two bridged.</summary>
    public async Task<(LegId Agent, LegId Customer)> BridgedCallAsync(long agentId)
    {
        var agent = LegId.ForAgent(agentId, 1);
        var customer = NewCustomerLeg();
        await OpenAgentLegAsync(agent, agentId);
        await WaitForLegAsync(agent, LegEventKind.Answered);
        await OriginateAsync(customer);
        await WaitForLegAsync(customer, LegEventKind.Answered);
        await Adapter.BridgeAsync(new BridgeCommand(customer, agent), CancellationToken.None);
        await WaitForLegAsync(customer, LegEventKind.Bridged);
        return (agent, customer);
    }

    public List<LegEvent> EventsOf(LegId leg)
    {
        lock (_seen)
        {
            return [.. _seen.OfType<LegEvent>().Where(e => e.Leg == leg)];
        }
    }

    public List<SwitchEvent> AllEvents()
    {
        lock (_seen)
        {
            return [.. _seen];
        }
    }

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what, int seconds = 15)
        where T : SwitchEvent
    {
        var deadline = Environment.TickCount64 + (seconds * 1000L);
        while (Environment.TickCount64 < deadline)
        {
            lock (_seen)
            {
                if (_seen.OfType<T>().FirstOrDefault(match) is { } found)
                {
                    return found;
                }
            }

            await Task.Delay(10);
        }

        Assert.Fail($"Timed out waiting until {what}. Events: {string.Join(", ", AllEvents().Select(e => e is LegEvent l ? $"{l.Leg}:{l.Kind}" : e.ToString()))}");
        return null!;
    }

    public Task<LegEvent> WaitForLegAsync(LegId leg, LegEventKind kind) =>
        WaitForAsync<LegEvent>(e => e.Leg == leg && e.Kind == kind, $"{leg} is {kind}");

    /// <summary>Waits (bounded) until the simulator's state satisfies <paramref name="condition"/>.</summary>
    public static async Task<T> WaitUntilAsync<T>(Func<T?> probe, string what, int seconds = 15)
        where T : class
    {
        var deadline = Environment.TickCount64 + (seconds * 1000L);
        while (Environment.TickCount64 < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"Timed out waiting until {what}.");
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Adapter.DisposeAsync();
        await _reader;
        await _provider.DisposeAsync();
        await Simulator.DisposeAsync();
        _stop.Dispose();
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            await foreach (var switchEvent in Adapter.Events.ReadAllAsync(_stop.Token))
            {
                lock (_seen)
                {
                    _seen.Add(switchEvent);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
