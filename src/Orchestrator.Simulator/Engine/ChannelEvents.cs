using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Engine;

/// <summary>
/// The channel events of the orchestrator dialplan, built from live snapshots. Header sets and order are those
/// of the Asterisk 22.10.1 recordings (a test compares them with every event type of the fixtures).
/// </summary>
internal static class ChannelEvents
{
    public static AmiMessage Newchannel(SimChannel c) => AmiEventBuilder.Event("Newchannel", AmiEventBuilder.Call).AddChannel(c).Build();

    public static AmiMessage Newstate(SimChannel c) => AmiEventBuilder.Event("Newstate", AmiEventBuilder.Call).AddChannel(c).Build();

    public static AmiMessage Newexten(SimChannel c) =>
        AmiEventBuilder.Event("Newexten", AmiEventBuilder.Dialplan).AddChannel(c)
            .Add("Extension", c.Exten).Add("Application", c.Application).Add("AppData", c.ApplicationData).Build();

    public static AmiMessage VarSet(SimChannel c, string variable, string value) =>
        AmiEventBuilder.Event("VarSet", AmiEventBuilder.Dialplan).AddChannel(c).Add("Variable", variable).Add("Value", value).Build();

    public static AmiMessage NewCallerid(SimChannel c) =>
        AmiEventBuilder.Event("NewCallerid", AmiEventBuilder.Call).AddChannel(c)
            .Add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)").Build();

    public static AmiMessage NewConnectedLine(SimChannel c) =>
        AmiEventBuilder.Event("NewConnectedLine", AmiEventBuilder.Call).AddChannel(c).Build();

    public static AmiMessage NewAccountCode(SimChannel c, string oldAccountCode) =>
        AmiEventBuilder.Event("NewAccountCode", AmiEventBuilder.Call).AddChannel(c).Add("OldAccountCode", oldAccountCode).Build();

    public static AmiMessage HangupRequest(SimChannel c, int cause) =>
        AmiEventBuilder.Event("HangupRequest", AmiEventBuilder.Call).AddChannel(c).Add("Cause", AmiEventBuilder.Int(cause)).Build();

    public static AmiMessage SoftHangupRequest(SimChannel c, int cause) =>
        AmiEventBuilder.Event("SoftHangupRequest", AmiEventBuilder.Call).AddChannel(c).Add("Cause", AmiEventBuilder.Int(cause)).Build();

    public static AmiMessage Hangup(SimChannel c, int cause) =>
        AmiEventBuilder.Event("Hangup", AmiEventBuilder.Call).AddChannel(c)
            .Add("Cause", AmiEventBuilder.Int(cause)).Add("Cause-txt", HangupCauses.Describe(cause)).Build();

    public static AmiMessage LocalBridge(SimChannel one, SimChannel two, string context, string exten, bool optimize) =>
        AmiEventBuilder.Event("LocalBridge", AmiEventBuilder.Call).AddChannel(one, "LocalOne").AddChannel(two, "LocalTwo")
            .Add("Context", context).Add("Exten", exten).Add("LocalOptimization", optimize ? "Yes" : "No").Build();

    /// <summary>DialBegin of an Originate (no calling channel) or of Dial() (with one).</summary>
    public static AmiMessage DialBegin(SimChannel? caller, SimChannel dest, string dialString) =>
        WithCaller("DialBegin", caller).AddChannel(dest, "Dest").Add("DialString", dialString).Build();

    public static AmiMessage DialState(SimChannel? caller, SimChannel dest, string status) =>
        WithCaller("DialState", caller).AddChannel(dest, "Dest").Add("DialStatus", status).Build();

    public static AmiMessage DialEnd(SimChannel? caller, SimChannel dest, string status) =>
        WithCaller("DialEnd", caller).AddChannel(dest, "Dest").Add("DialStatus", status).Build();

    public static AmiMessage DeviceStateChange(string device, string state) =>
        AmiEventBuilder.Event("DeviceStateChange", AmiEventBuilder.Call).Add("Device", device).Add("State", state).Build();

    public static AmiMessage MixMonitorStart(SimChannel c) => AmiEventBuilder.Event("MixMonitorStart", AmiEventBuilder.Call).AddChannel(c).Build();

    public static AmiMessage MixMonitorStop(SimChannel c) => AmiEventBuilder.Event("MixMonitorStop", AmiEventBuilder.Call).AddChannel(c).Build();

    /// <summary>
    /// The OriginateResponse. A successful one names the real channel; a failed one the dial string and
    /// <c>&lt;unknown&gt;</c> (or the ChannelId the Originate gave), as the recordings show.
    /// </summary>
    public static AmiMessage OriginateResponse(string? actionId, bool success, string channel, string context, string exten, int reason, string uniqueid, string callerIdNum, string callerIdName)
    {
        var builder = AmiEventBuilder.Event("OriginateResponse", AmiEventBuilder.Call);
        if (!string.IsNullOrEmpty(actionId))
        {
            builder.Add(AmiHeaders.ActionId, actionId);
        }

        return builder.Add(AmiHeaders.Response, success ? "Success" : "Failure").Add("Channel", channel).Add("Context", context)
            .Add("Exten", exten).Add("Reason", AmiEventBuilder.Int(reason)).Add("Uniqueid", uniqueid)
            .Add("CallerIDNum", callerIdNum).Add("CallerIDName", callerIdName).Build();
    }

    private static AmiMessageBuilder WithCaller(string name, SimChannel? caller)
    {
        var builder = AmiEventBuilder.Event(name, AmiEventBuilder.Call);
        return caller is null ? builder : builder.AddChannel(caller);
    }
}
