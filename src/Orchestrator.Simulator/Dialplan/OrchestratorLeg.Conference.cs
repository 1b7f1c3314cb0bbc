using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Dialplan;

/// <summary>ConfBridge: the agent's conference that customers are redirected into.</summary>
internal abstract partial class OrchestratorLeg
{
    /// <summary>Joins the named ConfBridge, creating it when this is the first member.</summary>
    protected void JoinConference(string name)
    {
        var d = Dialplan!;
        if (!Core.Conferences.TryGetValue(name, out var bridge))
        {
            bridge = new SimBridge(Core.Ids.NextBridgeId(), "base", "softmix", "ConfBridge", name);
            Core.Conferences[name] = bridge;
            Emit(BridgeEvents.BridgeCreate(bridge));
            Emit(BridgeEvents.ConfbridgeStart(bridge));
        }

        Emit(BridgeEvents.ConfbridgeJoin(bridge, d, admin: false));
        bridge.Members.Add(d);
        Emit(BridgeEvents.BridgeEnter(bridge, d));
        Emit(CdrEvents.Cel("BRIDGE_ENTER", d, Core.Now, extra: CdrEvents.BridgeExtra(bridge.Uniqueid, bridge.Technology)));
        Conference = bridge;
    }

    /// <summary>Leaves the conference; the last one out ends it.</summary>
    protected void LeaveConference()
    {
        if (Conference is not { } bridge)
        {
            return;
        }

        var d = Dialplan!;
        Conference = null;
        bridge.Members.Remove(d);
        Emit(BridgeEvents.BridgeLeave(bridge, d));
        Emit(CdrEvents.Cel("BRIDGE_EXIT", d, Core.Now, extra: CdrEvents.BridgeExtra(bridge.Uniqueid, bridge.Technology)));
        Emit(BridgeEvents.ConfbridgeLeave(bridge, d, admin: false));
        if (bridge.Members.Count == 0)
        {
            Emit(BridgeEvents.ConfbridgeEnd(bridge));
            Emit(BridgeEvents.BridgeDestroy(bridge));
            Core.Conferences.Remove(bridge.Name);
        }
    }
}
