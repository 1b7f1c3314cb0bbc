using Orchestrator.Simulator.Engine;
using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Simulator.Dialplan;

/// <summary>
/// A customer originated into <c>orchestrator-customer</c> (<c>s</c>, or <c>amd</c> for answering-machine
/// detection). Chance comes only from the lead's <see cref="CustomerOutcome"/>: it answers, is busy, fails or
/// rings until the Originate's Timeout; once answered it waits to be redirected to an agent's conference or to
/// the safe-harbor message, and goes there by itself after 30 s.
/// </summary>
internal sealed class CustomerLeg : OrchestratorLeg
{
    private readonly CustomerOutcome _outcome;
    private readonly SimulatorTimings _timings;

    private CustomerLeg(SwitchCore core, OriginateRequest request, CustomerOutcome outcome, SimulatorTimings timings, TaskCompletionSource<bool>? completion)
        : base(core, request, completion)
    {
        _outcome = outcome;
        _timings = timings;
    }

    public CustomerOutcome Outcome => _outcome;

    public static CustomerLeg Start(SwitchCore core, OriginateRequest request, CustomerOutcome outcome, SimulatorTimings timings, TaskCompletionSource<bool>? completion)
    {
        var leg = new CustomerLeg(core, request, outcome, timings, completion);
        core.Register(leg);
        leg.Dial();
        return leg;
    }

    public override bool Hangup(SimChannel channel, int cause)
    {
        Teardown(farHungUp: channel == Far, cause);
        return true;
    }

    public override string? Redirect(SimChannel channel, string context, string exten, string priority)
    {
        if (!Answered)
        {
            return "Redirect failed, channel not up.";
        }

        CancelSteps();
        LeaveConference();
        Core.Counters.Redirected();
        switch (context)
        {
            case KnownDialplan.ConnectContext:
                Connect(exten);
                break;
            case KnownDialplan.SafeHarborContext:
                SafeHarbor();
                break;
            case KnownDialplan.TransferContext:
                Transfer(exten);
                break;
            case KnownDialplan.CustomerContext:
                Enter(context, exten);
                Park();
                break;
            default:
                // No such extension here: the PBX ends and the channel hangs up.
                Enter(context, exten);
                Teardown(farHungUp: false, HangupCauses.NormalClearing);
                break;
        }

        return null;
    }

    private void Dial()
    {
        var timeout = Request.Timeout;
        switch (_outcome.Class)
        {
            case OutcomeClass.Failed when !_outcome.FailureIsCongestion:
                Core.Counters.Unreachable();
                After(Seconds(_outcome.SignalSeconds), FailUnavailable);
                return;
            case OutcomeClass.Failed:
                CreateChannels();
                After(Seconds(_outcome.SignalSeconds), () =>
                {
                    Core.Counters.Congested();
                    FailDialing(HangupCauses.Congestion, 8, "CONGESTION", "CONGESTION");
                });
                return;
            case OutcomeClass.Busy:
                CreateChannels();
                After(Seconds(_outcome.SignalSeconds), () =>
                {
                    Core.Counters.BusySignal();
                    FailDialing(HangupCauses.UserBusy, 5, "BUSY", "BUSY");
                });
                return;
        }

        CreateChannels();
        Ring();
        var pickup = Seconds(_outcome.PickupSeconds);
        if (_outcome.Class == OutcomeClass.NoAnswer || pickup >= timeout)
        {
            After(timeout, () =>
            {
                Core.Counters.Unanswered();
                FailDialing(HangupCauses.NoAnswer, 3, "NOANSWER", "NO ANSWER");
            });
            return;
        }

        After(pickup, () =>
        {
            if (_outcome.Class == OutcomeClass.Machine)
            {
                Core.Counters.Machine();
            }
            else
            {
                Core.Counters.Live();
            }

            Answer();
            Park();
        });
    }

    /// <summary><c>[orchestrator-customer]</c>: wait for the orchestrator (after AMD when the exten is <c>amd</c>).</summary>
    private void Park()
    {
        var withAmd = Request.Exten == "amd" && Dialplan!.Context == KnownDialplan.CustomerContext && Dialplan.Exten == "amd";
        Exec("1", "NoOp", $"ORCH customer {LegId} answered" + (withAmd ? ", AMD" : string.Empty));
        Exec("2", "Set", "CHANNEL(hangup_handler_push)=orchestrator-hangup,s,1");
        PushHangupHandler();
        if (!withAmd)
        {
            Wait("3", "4");
            return;
        }

        Exec("3", "AMD", string.Empty);
        After(Seconds(_outcome.AmdDecisionSeconds), () =>
        {
            var machine = _outcome.AmdSaysMachine;
            Core.Counters.AmdVerdict(machine);
            SetVariable("AMDSTATUS", machine ? "MACHINE" : "HUMAN");
            SetVariable("AMDCAUSE", machine ? "LONGGREETING-1500-1500" : "HUMAN-803-800");
            Exec("4", "GotoIf", machine ? "1?machine" : "0?machine");
            if (machine)
            {
                Exec("7", "Hangup", "16");
                Teardown(farHungUp: false, HangupCauses.NormalClearing);
                return;
            }

            Wait("5", "6");
        });
    }

    /// <summary><c>Wait(30)</c>, then <c>Goto(orchestrator-safe-harbor,s,1)</c>: never leave a customer in silence.</summary>
    private void Wait(string waitPriority, string gotoPriority)
    {
        Exec(waitPriority, "Wait", AmiEventBuilder.Int((long)_timings.ParkLimit.TotalSeconds));
        After(_timings.ParkLimit, () =>
        {
            Exec(gotoPriority, "Goto", "orchestrator-safe-harbor,s,1");
            SafeHarbor();
        });
    }

    /// <summary><c>[orchestrator-connect]</c>: into the agent's conference; the customer hangs up after the talk time.</summary>
    private void Connect(string agentId)
    {
        Enter(KnownDialplan.ConnectContext, agentId);
        Exec("1", "NoOp", $"ORCH connect {LegId} to agent {agentId}");
        Exec("2", "ConfBridge", $"orch-agent-{agentId},orchestrator_bridge,orchestrator_customer");
        JoinConference(AgentLeg.ConferenceName(agentId));
        After(Seconds(_outcome.ConnectedSeconds), () => Teardown(farHungUp: true, HangupCauses.NormalClearing));
    }

    /// <summary><c>[orchestrator-transfer]</c>: the destination answers and the customer talks there, then hangs up.</summary>
    private void Transfer(string destination)
    {
        Enter(KnownDialplan.TransferContext, destination);
        Exec("1", "Dial", $"PJSIP/{destination},30");
        After(Seconds(_outcome.ConnectedSeconds), () => Teardown(farHungUp: true, HangupCauses.NormalClearing));
    }

    /// <summary>The agent left the conference (end_marked): the customer leaves and the dialplan hangs up.</summary>
    public void ConferenceEnded()
    {
        if (Ended)
        {
            return;
        }

        LeaveConference();
        Exec("3", "Hangup", "16");
        Teardown(farHungUp: false, HangupCauses.NormalClearing);
    }

    /// <summary><c>[orchestrator-safe-harbor]</c>: play the message, then hang up.</summary>
    private void SafeHarbor()
    {
        Core.Counters.SafeHarbor();
        Enter(KnownDialplan.SafeHarborContext, "s");
        Exec("1", "NoOp", $"ORCH safe harbor for {LegId}");
        Exec("2", "Answer", string.Empty);
        var prompt = Dialplan!.GetVariable("ORCH_SAFE_HARBOR") is { Length: > 0 } custom ? custom : "orchestrator/safe-harbor";
        Exec("3", "Playback", prompt);
        After(_timings.SafeHarborPlayback, () =>
        {
            SetVariable("PLAYBACKSTATUS", "SUCCESS");
            Exec("4", "Hangup", "16");
            Teardown(farHungUp: false, HangupCauses.NormalClearing);
        });
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromSeconds(Math.Max(0, seconds));
}
