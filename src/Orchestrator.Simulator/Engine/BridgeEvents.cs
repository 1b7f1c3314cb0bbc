using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Engine;

/// <summary>A bridge as the Bridge* and Confbridge* events describe it.</summary>
internal sealed class SimBridge
{
    public SimBridge(string uniqueid, string type, string technology, string creator, string name)
    {
        Uniqueid = uniqueid;
        Type = type;
        Technology = technology;
        Creator = creator;
        Name = name;
    }

    public string Uniqueid { get; }

    public string Type { get; }

    public string Technology { get; }

    public string Creator { get; }

    public string Name { get; }

    public List<SimChannel> Members { get; } = [];
}

/// <summary>
/// Bridge and ConfBridge events. Bridge* header sets come from the recordings; the Confbridge* sets from the
/// Asterisk 22 AMI event documentation (ConfbridgeStart/End: conference + bridge; Join/Leave: + channel, Admin, Muted on join).
/// </summary>
internal static class BridgeEvents
{
    public static AmiMessage BridgeCreate(SimBridge b) => WithBridge("BridgeCreate", b).Build();

    public static AmiMessage BridgeEnter(SimBridge b, SimChannel c) => WithBridge("BridgeEnter", b).AddChannel(c).Build();

    public static AmiMessage BridgeLeave(SimBridge b, SimChannel c) => WithBridge("BridgeLeave", b).AddChannel(c).Build();

    public static AmiMessage BridgeDestroy(SimBridge b) => WithBridge("BridgeDestroy", b).Build();

    public static AmiMessage ConfbridgeStart(SimBridge b) => WithConference("ConfbridgeStart", b).Build();

    public static AmiMessage ConfbridgeEnd(SimBridge b) => WithConference("ConfbridgeEnd", b).Build();

    public static AmiMessage ConfbridgeJoin(SimBridge b, SimChannel c, bool admin) =>
        WithConference("ConfbridgeJoin", b).AddChannel(c).Add("Admin", admin ? "Yes" : "No").Add("Muted", "No").Build();

    public static AmiMessage ConfbridgeLeave(SimBridge b, SimChannel c, bool admin) =>
        WithConference("ConfbridgeLeave", b).AddChannel(c).Add("Admin", admin ? "Yes" : "No").Build();

    private static AmiMessageBuilder WithConference(string name, SimBridge b) =>
        AddBridge(AmiEventBuilder.Event(name, AmiEventBuilder.Call).Add("Conference", b.Name), b);

    private static AmiMessageBuilder WithBridge(string name, SimBridge b) => AddBridge(AmiEventBuilder.Event(name, AmiEventBuilder.Call), b);

    private static AmiMessageBuilder AddBridge(AmiMessageBuilder builder, SimBridge b) =>
        builder.Add("BridgeUniqueid", b.Uniqueid)
            .Add("BridgeType", b.Type)
            .Add("BridgeTechnology", b.Technology)
            .Add("BridgeCreator", b.Creator)
            .Add("BridgeName", b.Name)
            .Add("BridgeNumChannels", AmiEventBuilder.Int(b.Members.Count))
            .Add("BridgeVideoSourceMode", "none");
}
