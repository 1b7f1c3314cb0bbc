using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Dialplan;

/// <summary>
/// The nailed-up call to an agent's phone (<c>orchestrator-agent</c>, exten = agent id): the simulated phone
/// answers after a second and the agent sits, marked, in ConfBridge <c>orch-agent-&lt;id&gt;</c> until hung up.
/// When the agent leaves, customers in the conference leave too (end_marked).
/// </summary>
internal sealed class AgentLeg : OrchestratorLeg
{
    private readonly SimulatorTimings _timings;

    private AgentLeg(SwitchCore core, OriginateRequest request, SimulatorTimings timings, TaskCompletionSource<bool>? completion)
        : base(core, request, completion) => _timings = timings;

    public static string ConferenceName(string agentId) => $"orch-agent-{agentId}";

    public static AgentLeg Start(SwitchCore core, OriginateRequest request, SimulatorTimings timings, TaskCompletionSource<bool>? completion)
    {
        var leg = new AgentLeg(core, request, timings, completion);
        core.Register(leg);
        core.Counters.AgentLeg();
        leg.Dial();
        return leg;
    }

    public override bool Hangup(SimChannel channel, int cause)
    {
        var conference = Conference;
        Teardown(farHungUp: channel == Far, cause);
        EndConferenceFor(conference);
        return true;
    }

    public override string? Redirect(SimChannel channel, string context, string exten, string priority)
    {
        if (!Answered)
        {
            return "Redirect failed, channel not up.";
        }

        var conference = Conference;
        LeaveConference();
        EndConferenceFor(conference);
        if (context == KnownDialplan.AgentContext)
        {
            Enter(context, exten);
            JoinAgentConference();
        }
        else
        {
            Enter(context, exten);
            Teardown(farHungUp: false, HangupCauses.NormalClearing);
        }

        return null;
    }

    private void Dial()
    {
        CreateChannels();
        Ring();
        if (_timings.AgentAnswer >= Request.Timeout)
        {
            After(Request.Timeout, () => FailDialing(HangupCauses.NoAnswer, 3, "NOANSWER", "NO ANSWER"));
            return;
        }

        After(_timings.AgentAnswer, () =>
        {
            Answer();
            JoinAgentConference();
        });
    }

    private void JoinAgentConference()
    {
        var agentId = Dialplan!.Exten;
        Exec("1", "NoOp", $"ORCH agent leg {LegId} for agent {agentId}");
        Exec("2", "Answer", string.Empty);
        Exec("3", "ConfBridge", $"{ConferenceName(agentId)},orchestrator_bridge,orchestrator_agent");
        JoinConference(ConferenceName(agentId));
    }

    /// <summary>The marked user is gone: every customer still in the conference is sent out (end_marked).</summary>
    private static void EndConferenceFor(SimBridge? conference)
    {
        if (conference is null)
        {
            return;
        }

        foreach (var member in conference.Members.ToArray())
        {
            if (member.Owner is CustomerLeg customer)
            {
                customer.ConferenceEnded();
            }
        }
    }
}
