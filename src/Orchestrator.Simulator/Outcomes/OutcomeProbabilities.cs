namespace Orchestrator.Simulator.Outcomes;

/// <summary>The probability of each outcome class of a dial; they sum to 1.</summary>
public sealed record OutcomeProbabilities(double Live, double Machine, double NoAnswer, double Busy, double Failed)
{
    public double Sum => Live + Machine + NoAnswer + Busy + Failed;

    /// <summary>
    /// The class for a uniform draw <paramref name="u"/> in [0, 1): the classes take consecutive slices of the
    /// unit interval in the order live, machine, noAnswer, busy, failed, so the same <paramref name="u"/> gives
    /// the same customer whenever the probabilities are the same.
    /// </summary>
    public OutcomeClass Classify(double u)
    {
        var edge = Live;
        if (u < edge)
        {
            return OutcomeClass.Live;
        }

        edge += Machine;
        if (u < edge)
        {
            return OutcomeClass.Machine;
        }

        edge += NoAnswer;
        if (u < edge)
        {
            return OutcomeClass.NoAnswer;
        }

        edge += Busy;
        return u < edge ? OutcomeClass.Busy : OutcomeClass.Failed;
    }

    /// <summary>The live probability multiplied by <paramref name="multiplier"/> (capped at 1), the others shrunk in proportion.</summary>
    public OutcomeProbabilities WithLiveMultiplier(double multiplier)
    {
        var live = Math.Clamp(Live * multiplier, 0, 1);
        var others = Machine + NoAnswer + Busy + Failed;
        var scale = others > 0 ? (1 - live) / others : 0;
        return new OutcomeProbabilities(live, Machine * scale, NoAnswer * scale, Busy * scale, Failed * scale);
    }
}
