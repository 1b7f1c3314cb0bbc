using System.Globalization;
using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Engine;

/// <summary>
/// Starts events the way Asterisk writes them (<c>Event</c>, then <c>Privilege</c>) and appends the channel
/// snapshot block every channel event carries, with the header names and order of the recordings.
/// </summary>
internal static class AmiEventBuilder
{
    public const string Call = "call,all";
    public const string Dialplan = "dialplan,all";
    public const string Cdr = "cdr,all";
    public const string SystemPrivilege = "system,all";
    public const string Security = "security,all";

    public static AmiMessageBuilder Event(string name, string privilege) =>
        new AmiMessageBuilder().Add(AmiHeaders.Event, name).Add("Privilege", privilege);

    /// <summary>The 14-header snapshot (<c>Channel</c> … <c>Linkedid</c>), optionally prefixed (<c>Dest</c>, <c>LocalOne</c>).</summary>
    public static AmiMessageBuilder AddChannel(this AmiMessageBuilder builder, SimChannel channel, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(channel);
        return builder
            .Add(prefix + "Channel", channel.Name)
            .Add(prefix + "ChannelState", channel.State.ToString(CultureInfo.InvariantCulture))
            .Add(prefix + "ChannelStateDesc", ChannelStates.Describe(channel.State))
            .Add(prefix + "CallerIDNum", channel.CallerIdNum)
            .Add(prefix + "CallerIDName", channel.CallerIdName)
            .Add(prefix + "ConnectedLineNum", channel.ConnectedLineNum)
            .Add(prefix + "ConnectedLineName", channel.ConnectedLineName)
            .Add(prefix + "Language", channel.Language)
            .Add(prefix + "AccountCode", channel.AccountCode)
            .Add(prefix + "Context", channel.Context)
            .Add(prefix + "Exten", channel.Exten)
            .Add(prefix + "Priority", channel.Priority)
            .Add(prefix + "Uniqueid", channel.Uniqueid)
            .Add(prefix + "Linkedid", channel.Linkedid);
    }

    /// <summary>Asterisk's CEL/CDR time: local time to the second.</summary>
    public static string CelTime(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The security events' <c>EventTV</c>: <c>2026-11-23T19:53:14.027+0000</c>.</summary>
    public static string EventTv(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + (time.Offset < TimeSpan.Zero ? "-" : "+")
        + time.Offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
