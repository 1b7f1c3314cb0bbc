namespace Orchestrator.Simulator.Outcomes;

/// <summary>
/// Everything chance decides about one dialed lead, drawn at once from the lead's own substream
/// (<see cref="OutcomeModel.Draw"/>). Every field is drawn whatever the class, so the draws of a lead do not
/// depend on the probabilities: two models that differ only in their probabilities see the same customers.
/// </summary>
/// <param name="LeadIndex">The lead's index in dial order.</param>
/// <param name="Class">What the customer does.</param>
/// <param name="PickupSeconds">Dial to answer (live and machine).</param>
/// <param name="SignalSeconds">Dial to busy / failure signal.</param>
/// <param name="GreetingSeconds">Answer to the end of a human's greeting.</param>
/// <param name="AmdSaysMachine">The AMD verdict, if AMD runs (false positives and negatives applied).</param>
/// <param name="AmdDecisionSeconds">Answer to the AMD verdict.</param>
/// <param name="TalkSeconds">How long a connected live customer talks.</param>
/// <param name="WrapSeconds">The agent's after-call work for this call.</param>
/// <param name="MachineHandlingSeconds">How long an agent connected to a machine stays on it.</param>
/// <param name="FailureIsCongestion">For <see cref="OutcomeClass.Failed"/>: congestion (cause 34) rather than an unreachable destination.</param>
public sealed record CustomerOutcome(
    long LeadIndex,
    OutcomeClass Class,
    double PickupSeconds,
    double SignalSeconds,
    double GreetingSeconds,
    bool AmdSaysMachine,
    double AmdDecisionSeconds,
    double TalkSeconds,
    double WrapSeconds,
    double MachineHandlingSeconds,
    bool FailureIsCongestion)
{
    /// <summary>Whether the call is answered at all.</summary>
    public bool Answers => Class is OutcomeClass.Live or OutcomeClass.Machine;

    /// <summary>How long the customer stays once connected to an agent: talk for a human, machine handling for a machine.</summary>
    public double ConnectedSeconds => Class == OutcomeClass.Machine ? MachineHandlingSeconds : TalkSeconds;
}
