namespace Orchestrator.Simulator.Outcomes;

/// <summary>
/// How dialed customers behave: the call-related fields of a pacebench scenario
/// (<c>../shared/pacebench/README.md</c>), so one JSON file drives both the simulator and the pacing benchmark.
/// </summary>
/// <remarks>
/// <see cref="Draw"/> is the only source of chance: lead <c>k</c> always gets the same customer for the same
/// <see cref="Seed"/>, whoever dials it and whenever (common random numbers).
/// </remarks>
public sealed partial record OutcomeModel
{
    /// <summary>The scenario's name (informational).</summary>
    public string? Name { get; init; }

    /// <summary>The seed of every lead's substream; replication r of a pacebench scenario uses <c>seed + r</c>.</summary>
    public long Seed { get; init; } = 1;

    public OutcomeProbabilities Outcomes { get; init; } = new(0.35, 0.15, 0.30, 0.12, 0.08);

    /// <summary>Optional changes of the live probability over the run (benchmark hours).</summary>
    public IReadOnlyList<LiveScheduleStep> LiveSchedule { get; init; } = [];

    /// <summary>Dial to answer, for live and machine outcomes.</summary>
    public Distribution PickupSeconds { get; init; } = Distribution.Lognormal(5, 0.4);

    /// <summary>Dial to busy / failure signal.</summary>
    public Distribution SignalSeconds { get; init; } = Distribution.Lognormal(2, 0.5);

    /// <summary>The dialer's ring timeout in the benchmark; the simulator uses the Originate's own <c>Timeout</c>.</summary>
    public double NoAnswerTimeoutSeconds { get; init; } = 22;

    /// <summary>Answer to the end of a live customer's greeting.</summary>
    public Distribution GreetingSeconds { get; init; } = Distribution.Lognormal(1.5, 0.4);

    public AmdModel Amd { get; init; } = new();

    public Distribution TalkSeconds { get; init; } = Distribution.Lognormal(25, 0.5);

    public Distribution WrapSeconds { get; init; } = Distribution.Lognormal(6, 0.3);

    /// <summary>
    /// A lively model for a two-minute demo: a third of the calls are live, calls are short, agents wrap quickly.
    /// </summary>
    public static OutcomeModel Demo { get; } = new()
    {
        Name = "demo",
        Seed = 20261123,
        Outcomes = new OutcomeProbabilities(Live: 0.35, Machine: 0.15, NoAnswer: 0.30, Busy: 0.12, Failed: 0.08),
        PickupSeconds = Distribution.Lognormal(5, 0.4),
        SignalSeconds = Distribution.Lognormal(2, 0.5),
        NoAnswerTimeoutSeconds = 20,
        GreetingSeconds = Distribution.Lognormal(1.5, 0.4),
        Amd = new AmdModel
        {
            Enabled = true,
            HumanDecisionAfterGreetingSeconds = 0.8,
            MachineDecisionSeconds = Distribution.Uniform(2.5, 4.0),
            FalsePositive = 0.03,
            FalseNegative = 0.10,
            MachineHandlingSeconds = 6,
        },
        TalkSeconds = Distribution.Lognormal(25, 0.5),
        WrapSeconds = Distribution.Lognormal(6, 0.3),
    };

    /// <summary>
    /// The customer behind lead <paramref name="leadIndex"/>. Draw order on the lead's substream, fixed forever:
    /// class, pickup, signal, greeting, false-positive uniform, false-negative uniform, machine decision, talk,
    /// wrap, then simulator-only draws (failure kind). Changing it would change every benchmark result.
    /// </summary>
    /// <param name="leadIndex">The lead's position in dial order (0, 1, 2, …).</param>
    /// <param name="elapsed">Time since the run started, for <see cref="LiveSchedule"/>.</param>
    public CustomerOutcome Draw(long leadIndex, TimeSpan elapsed = default)
    {
        var random = LeadRandom.For(Seed, leadIndex);
        var uClass = random.NextDouble();
        var pickup = PickupSeconds.Sample(random);
        var signal = SignalSeconds.Sample(random);
        var greeting = GreetingSeconds.Sample(random);
        var uFalsePositive = random.NextDouble();
        var uFalseNegative = random.NextDouble();
        var machineDecision = Amd.MachineDecisionSeconds.Sample(random);
        var talk = TalkSeconds.Sample(random);
        var wrap = WrapSeconds.Sample(random);
        var uFailureKind = random.NextDouble();

        var outcomeClass = OutcomesAt(elapsed).Classify(uClass);
        var saysMachine = outcomeClass == OutcomeClass.Machine
            ? uFalseNegative >= Amd.FalseNegative
            : uFalsePositive < Amd.FalsePositive;
        var humanDecision = greeting + Amd.HumanDecisionAfterGreetingSeconds;
        return new CustomerOutcome(
            leadIndex,
            outcomeClass,
            pickup,
            signal,
            greeting,
            saysMachine,
            saysMachine ? machineDecision : humanDecision,
            talk,
            wrap,
            Amd.MachineHandlingSeconds,
            FailureIsCongestion: uFailureKind < 0.5);
    }

    /// <summary>The class probabilities in force <paramref name="elapsed"/> into the run.</summary>
    public OutcomeProbabilities OutcomesAt(TimeSpan elapsed)
    {
        var hours = elapsed.TotalHours;
        LiveScheduleStep? current = null;
        foreach (var step in LiveSchedule)
        {
            if (step.AtHour <= hours && (current is null || step.AtHour >= current.AtHour))
            {
                current = step;
            }
        }

        return current is null ? Outcomes : Outcomes.WithLiveMultiplier(current.LiveMultiplier);
    }

    /// <summary>Every problem with the model, each with the field it concerns; empty when the model is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var o = Outcomes;
        if (o is null)
        {
            problems.Add("outcomes: missing; give live, machine, noAnswer, busy and failed probabilities.");
        }
        else
        {
            foreach (var (name, p) in new[] { ("live", o.Live), ("machine", o.Machine), ("noAnswer", o.NoAnswer), ("busy", o.Busy), ("failed", o.Failed) })
            {
                if (!(p >= 0 && p <= 1))
                {
                    problems.Add($"outcomes.{name}: a probability must be within [0, 1] (got {p}).");
                }
            }

            if (Math.Abs(o.Sum - 1) > 1e-6)
            {
                problems.Add($"outcomes: live + machine + noAnswer + busy + failed must sum to 1 ± 1e-6 (got {o.Sum:R}).");
            }
        }

        foreach (var step in LiveSchedule ?? [])
        {
            if (!(step.AtHour >= 0) || !(step.LiveMultiplier >= 0))
            {
                problems.Add($"liveSchedule: atHour and liveMultiplier must be >= 0 (got {step.AtHour}, {step.LiveMultiplier}).");
            }
        }

        Check(problems, PickupSeconds, "pickupSeconds");
        Check(problems, SignalSeconds, "signalSeconds");
        Check(problems, GreetingSeconds, "greetingSeconds");
        Check(problems, TalkSeconds, "talkSeconds");
        Check(problems, WrapSeconds, "wrapSeconds");
        if (!(NoAnswerTimeoutSeconds > 0))
        {
            problems.Add($"noAnswerTimeoutSeconds: must be positive (got {NoAnswerTimeoutSeconds}).");
        }

        if (Amd is null)
        {
            problems.Add("amd: missing.");
            return problems;
        }

        Check(problems, Amd.MachineDecisionSeconds, "amd.machineDecisionSeconds");
        if (!(Amd.HumanDecisionAfterGreetingSeconds >= 0))
        {
            problems.Add($"amd.humanDecisionAfterGreetingSeconds: must be >= 0 (got {Amd.HumanDecisionAfterGreetingSeconds}).");
        }

        if (!(Amd.FalsePositive >= 0 && Amd.FalsePositive <= 1) || !(Amd.FalseNegative >= 0 && Amd.FalseNegative <= 1))
        {
            problems.Add($"amd.falsePositive / amd.falseNegative: probabilities within [0, 1] (got {Amd.FalsePositive}, {Amd.FalseNegative}).");
        }

        if (!(Amd.MachineHandlingSeconds >= 0))
        {
            problems.Add($"amd.machineHandlingSeconds: must be >= 0 (got {Amd.MachineHandlingSeconds}).");
        }

        return problems;
    }

    /// <summary>Throws <see cref="OutcomeModelException"/> listing every problem, or returns the model.</summary>
    public OutcomeModel EnsureValid()
    {
        var problems = Validate();
        return problems.Count == 0 ? this : throw new OutcomeModelException(problems);
    }

    private static void Check(List<string> problems, Distribution? distribution, string path)
    {
        if (distribution is null)
        {
            problems.Add($"{path}: missing; give a distribution such as {{\"dist\":\"lognormal\",\"mean\":9,\"cv\":0.5}}.");
            return;
        }

        problems.AddRange(distribution.Validate(path));
    }
}
