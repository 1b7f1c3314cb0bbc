using Orchestrator.Simulator.Engine;
using Orchestrator.Simulator.Lab;
using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary>
/// The person (or machine, or phone) at the far end of a channel, once it answers. A trunk customer drawn from the
/// outcome model hangs up after its talk time once bridged with someone, or after the patience limit when left
/// alone; an agent's phone stays until hung up; a lab customer follows its own dialplan. Under the gate.
/// </summary>
internal sealed class FarParty
{
    private ScheduledStep? _timer;
    private bool _talking;

    private FarParty(CustomerOutcome? outcome, LabBehaviour? lab, bool isAgent)
    {
        Outcome = outcome;
        Lab = lab;
        IsAgent = isAgent;
    }

    public CustomerOutcome? Outcome { get; }

    public LabBehaviour? Lab { get; }

    public bool IsAgent { get; }

    public bool IsMachine => Outcome?.Class == OutcomeClass.Machine || Lab == LabBehaviour.Machine;

    /// <summary>What app_amd would decide for this party, and after how long.</summary>
    public (bool Machine, double Seconds) AmdVerdict => Outcome is { } outcome
        ? (outcome.AmdSaysMachine, outcome.AmdDecisionSeconds)
        : (IsMachine, IsMachine ? 3.0 : 2.0);

    /// <summary>How long a transferred call lasts.</summary>
    public double TalkSeconds => Outcome?.ConnectedSeconds ?? 5;

    public static FarParty Customer(CustomerOutcome outcome) => new(outcome, null, false);

    public static FarParty LabCustomer(LabBehaviour behaviour) => new(null, behaviour, false);

    public static FarParty Agent() => new(null, null, true);

    public void Answered(AriSwitch owner, StasisChannel channel)
    {
        if (Outcome is not null)
        {
            _timer = owner.Scheduler.After(owner.Options.CustomerPatience, () => owner.HangupFromFarEnd(channel, 16));
        }
    }

    /// <summary>The channel is in a mixing bridge with somebody: the conversation starts.</summary>
    public void Bridged(AriSwitch owner, StasisChannel channel)
    {
        if (Outcome is not { } outcome || _talking)
        {
            return;
        }

        _talking = true;
        _timer?.Cancel();
        _timer = owner.Scheduler.After(TimeSpan.FromSeconds(Math.Max(0, outcome.ConnectedSeconds)), () => owner.HangupFromFarEnd(channel, 16));
    }

    public void Cancel() => _timer?.Cancel();
}
