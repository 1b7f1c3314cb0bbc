using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Core.Attempts;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Simulator.Ami;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Switching.Asterisk.Ami;
using Orchestrator.Switching.Commands;
using Orchestrator.Switching.Events;

namespace Orchestrator.Switching.Asterisk.Tests.Ami;

/// <summary>The AMI adapter connected over a loopback socket to the built-in Asterisk simulator.</summary>
internal sealed class SimulatedAsterisk : IAsyncDisposable
{
    private readonly List<SwitchEvent> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private SimulatedAsterisk(AsteriskAmiSimulator simulator, AmiClient client, AmiSwitchAdapter adapter)
    {
        Simulator = simulator;
        Client = client;
        Adapter = adapter;
        _reader = Task.Run(ReadEventsAsync);
    }

    public AsteriskAmiSimulator Simulator { get; }

    public AmiClient Client { get; }

    public AmiSwitchAdapter Adapter { get; }

    public static async Task<SimulatedAsterisk> StartAsync(OutcomeModel outcomes)
    {
        var simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions { Port = 0, Outcomes = outcomes, Seed = 3, AgentAnswerDelay = TimeSpan.FromMilliseconds(100), SafeHarborPlayback = TimeSpan.FromMilliseconds(200) });
        simulator.Start();
        var client = new AmiClient(
            new AmiClientOptions { Host = "127.0.0.1", Port = simulator.Port, Username = "orchestrator", Secret = "secret", ReconnectDelayMin = TimeSpan.FromMilliseconds(50), ReconnectDelayMax = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System,
            NullLogger<AmiClient>.Instance);
        var adapter = new AmiSwitchAdapter(client, new AmiSwitchOptions { DefaultTrunk = "Local/{digits}@sim-customers" }, TimeProvider.System, NullLogger<AmiSwitchAdapter>.Instance);
        await adapter.StartAsync(CancellationToken.None);
        var asterisk = new SimulatedAsterisk(simulator, client, adapter);
        await asterisk.WaitForAsync<SwitchConnectionChanged>(c => c.State == SwitchConnectionState.Ready, "the adapter is ready");
        return asterisk;
    }

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
        Amd = new AmdModel { Enabled = true, HumanDecisionAfterGreetingSeconds = 0.05, MachineDecisionSeconds = Distribution.Fixed(0.1) },
        TalkSeconds = Distribution.Fixed(talkSeconds),
        WrapSeconds = Distribution.Fixed(0.1),
    };

    public static LegId NewCustomerLeg() => LegId.ForAttempt(AttemptId.New(TimeProvider.System));

    public Task OriginateAsync(LegId leg, bool detectMachine = false, double ringSeconds = 5) =>
        Adapter.OriginateAsync(
            new OriginateCommand(leg, "+15551230001", new CallerId("Campaign", "5550001"), null, TimeSpan.FromSeconds(ringSeconds), detectMachine, new Dictionary<string, string>()),
            CancellationToken.None);

    public Task OpenAgentLegAsync(LegId leg, long agentId) =>
        Adapter.OpenAgentLegAsync(new AgentLegCommand(leg, agentId, $"Local/{2000 + agentId}@sim-agents", new CallerId("Desk", "0"), TimeSpan.FromSeconds(5)), CancellationToken.None);

    public List<LegEvent> EventsOf(LegId leg)
    {
        lock (_seen)
        {
            return _seen.OfType<LegEvent>().Where(e => e.Leg == leg).ToList();
        }
    }

    public List<SwitchEvent> AllEvents()
    {
        lock (_seen)
        {
            return [.. _seen];
        }
    }

    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what, int seconds = 20)
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

            await Task.Delay(20);
        }

        Assert.Fail($"Timed out waiting until {what}. Events: {string.Join(", ", AllEvents().Select(e => e is LegEvent l ? $"{l.Leg}:{l.Kind}" : e.ToString()))}");
        return null!;
    }

    public Task<LegEvent> WaitForLegAsync(LegId leg, LegEventKind kind) =>
        WaitForAsync<LegEvent>(e => e.Leg == leg && e.Kind == kind, $"{leg} is {kind}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Adapter.DisposeAsync();
        await _reader;
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
