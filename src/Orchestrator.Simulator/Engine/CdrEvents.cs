using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Engine;

/// <summary>
/// CEL and CDR events (cel_manager and cdr_manager are on in the lab, so a real Asterisk streams them too;
/// clients must skip what they do not use).
/// </summary>
internal static class CdrEvents
{
    /// <summary>One CEL event; <paramref name="extra"/> is the JSON Asterisk puts in <c>Extra</c> (or empty).</summary>
    public static AmiMessage Cel(string eventName, SimChannel c, DateTimeOffset now, string peer = "", string extra = "") =>
        AmiEventBuilder.Event("CEL", AmiEventBuilder.Call)
            .Add("EventName", eventName)
            .Add("AccountCode", c.AccountCode)
            .Add("CallerIDnum", Known(c.CallerIdNum))
            .Add("CallerIDname", Known(c.CallerIdName))
            .Add("CallerIDani", c.Ani)
            .Add("CallerIDrdnis", string.Empty)
            .Add("CallerIDdnid", string.Empty)
            .Add("Exten", c.Exten)
            .Add("Context", c.Context)
            .Add("Channel", c.Name)
            .Add("Application", eventName == "CHAN_START" ? string.Empty : c.Application)
            .Add("AppData", eventName == "CHAN_START" ? string.Empty : c.ApplicationData)
            .Add("EventTime", AmiEventBuilder.CelTime(now))
            .Add("AMAFlags", "DOCUMENTATION")
            .Add("UniqueID", c.Uniqueid)
            .Add("LinkedID", c.Linkedid)
            .Add("Userfield", string.Empty)
            .Add("Peer", peer)
            .Add("PeerAccount", string.Empty)
            .Add("Extra", extra)
            .Build();

    public static string HangupExtra(int cause, string source) =>
        "{\"hangupcause\":" + AmiEventBuilder.Int(cause) + ",\"hangupsource\":\"" + source + "\",\"dialstatus\":\"\"}";

    public static string BridgeExtra(string bridgeId, string technology) =>
        "{\"bridge_id\":\"" + bridgeId + "\",\"bridge_technology\":\"" + technology + "\"}";

    /// <summary>The CDR of a channel that is ending now.</summary>
    public static AmiMessage Cdr(SimChannel c, DateTimeOffset now, string disposition, string lastApplication, string lastData)
    {
        var answered = c.AnsweredAt;
        var duration = (long)Math.Max(0, (now - c.Created).TotalSeconds);
        var billable = answered is { } a ? (long)Math.Max(0, (now - a).TotalSeconds) : 0;
        var num = Known(c.CallerIdNum);
        var name = Known(c.CallerIdName);
        return AmiEventBuilder.Event("Cdr", AmiEventBuilder.Cdr)
            .Add("AccountCode", c.AccountCode)
            .Add("Source", num)
            .Add("Destination", c.Exten)
            .Add("DestinationContext", c.Context)
            .Add("CallerID", $"\"{name}\" <{num}>")
            .Add("Channel", c.Name)
            .Add("DestinationChannel", string.Empty)
            .Add("LastApplication", lastApplication)
            .Add("LastData", lastData)
            .Add("StartTime", AmiEventBuilder.CelTime(c.Created))
            .Add("AnswerTime", answered is { } at ? AmiEventBuilder.CelTime(at) : string.Empty)
            .Add("EndTime", AmiEventBuilder.CelTime(now))
            .Add("Duration", AmiEventBuilder.Int(duration))
            .Add("BillableSeconds", AmiEventBuilder.Int(billable))
            .Add("Disposition", disposition)
            .Add("AMAFlags", "DOCUMENTATION")
            .Add("UniqueID", c.Uniqueid)
            .Add("UserField", string.Empty)
            .Build();
    }

    private static string Known(string value) => value == "<unknown>" ? string.Empty : value;
}
