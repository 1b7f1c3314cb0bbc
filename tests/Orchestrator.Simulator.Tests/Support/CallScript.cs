using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Ami;
using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Simulator.Tests.Support;

/// <summary>Builds the actions and models the orchestrator-dialplan tests use.</summary>
internal static class CallScript
{
    /// <summary>A model in which every customer does <paramref name="live"/>…<paramref name="failed"/>, with fixed timings.</summary>
    public static OutcomeModel Model(double live = 0, double machine = 0, double noAnswer = 0, double busy = 0, double failed = 0) =>
        OutcomeModel.Demo with
        {
            Outcomes = new OutcomeProbabilities(live, machine, noAnswer, busy, failed),
            PickupSeconds = Distribution.Fixed(2),
            SignalSeconds = Distribution.Fixed(1),
            GreetingSeconds = Distribution.Fixed(1),
            TalkSeconds = Distribution.Fixed(10),
            Amd = new AmdModel { MachineDecisionSeconds = Distribution.Fixed(3), HumanDecisionAfterGreetingSeconds = 0.8, MachineHandlingSeconds = 6 },
        };

    public static SimulatorHarness Harness(OutcomeModel model) => new(new AsteriskAmiSimulatorOptions { Outcomes = model });

    public static AmiAction Customer(string attemptId, string exten = "s", string dial = "Local/5551234@from-orchestrator", int timeoutMs = 30000) =>
        new AmiAction("Originate")
            .Add("Channel", dial)
            .Add("Context", "orchestrator-customer")
            .Add("Exten", exten)
            .Add("Priority", "1")
            .Add("CallerID", "\"Campaign 7\" <5550001>")
            .Add("Timeout", timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("Async", "true")
            .Add("ActionID", "orig-" + attemptId)
            .Add("ChannelId", attemptId)
            .Add("Variable", "ORCH_LEG=" + attemptId);

    public static AmiAction Agent(string agentId, string legId) =>
        new AmiAction("Originate")
            .Add("Channel", $"PJSIP/agent{agentId}")
            .Add("Context", "orchestrator-agent")
            .Add("Exten", agentId)
            .Add("Priority", "1")
            .Add("Async", "true")
            .Add("ActionID", "orig-" + legId)
            .Add("ChannelId", legId)
            .Add("Variable", "ORCH_LEG=" + legId);

    public static AmiAction Redirect(string channel, string context, string exten) =>
        new AmiAction("Redirect").Add("Channel", channel).Add("Context", context).Add("Exten", exten).Add("Priority", "1");

    public static bool Is(AmiMessage m, string eventName, string uniqueid) => m.EventName == eventName && m["Uniqueid"] == uniqueid;
}
