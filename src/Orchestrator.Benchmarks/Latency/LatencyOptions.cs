using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>The load of the answer-to-bridge benchmark, and how long to hold it.</summary>
internal sealed record LatencyOptions
{
    /// <summary>Customer originations per second (the 400).</summary>
    public double OriginationsPerSecond { get; init; } = 400;

    /// <summary>The event rate on the AMI connection.</summary>
    public double TargetEventsPerSecond { get; init; } = 25_000;

    /// <summary>What the simulator tops the connection up to with background events: 10% over the target, so it is met with room.</summary>
    public double LoadEventsPerSecond { get; init; } = 27_500;

    /// <summary>Nailed-up agent legs, all ready: enough that an answered customer always finds one (about 200 are busy at a time).</summary>
    public int Agents { get; init; } = 400;

    /// <summary>How long the customers' phones ring before a no-answer.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Originating without background events, to measure the calls' own event rate; the last half is measured.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Full load before measuring starts (the background injector settles).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The measured window: answers written in it are the samples.</summary>
    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Independent runs, each with a fresh simulator, client and adapter.</summary>
    public int Runs { get; init; } = 3;

    public static LatencyOptions Full { get; } = new();

    public static LatencyOptions Quick { get; } = new() { WarmUp = TimeSpan.FromSeconds(4), Settle = TimeSpan.FromSeconds(1), Measure = TimeSpan.FromSeconds(5), Runs = 1 };

    /// <summary>
    /// How the simulated customers behave: half answer after about 1.5 s and talk about a second; the rest are busy,
    /// fail or ring out. No answering-machine detection: the answer itself is what the orchestrator bridges.
    /// </summary>
    public static OutcomeModel Customers { get; } = new()
    {
        Name = "latency-mix",
        Seed = 11,
        Outcomes = new OutcomeProbabilities(Live: 0.5, Machine: 0, NoAnswer: 0.15, Busy: 0.2, Failed: 0.15),
        PickupSeconds = Distribution.Lognormal(1.5, 0.4),
        SignalSeconds = Distribution.Lognormal(1.0, 0.5),
        TalkSeconds = Distribution.Lognormal(1.0, 0.3),
        Amd = new AmdModel { Enabled = false },
    };
}
