using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace Orchestrator.Protocols.Ami;

/// <summary>
/// Turns header and event names into strings without allocating for the names Asterisk actually sends:
/// names repeat millions of times a day, so each distinct name becomes one shared string.
/// </summary>
internal static class AmiNames
{
    private const int MaxCachedNames = 4096;
    private const int MaxNameLength = 64;

    private static readonly FrozenDictionary<string, string> Known = new[]
    {
        "Action", "ActionID", "Response", "Event", "Message", "Privilege", "Channel", "ChannelState",
        "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language",
        "AccountCode", "Context", "Exten", "Priority", "Uniqueid", "Linkedid", "Variable", "Value", "Cause",
        "Cause-txt", "Reason", "Application", "AppData", "EventList", "ListItems", "Output", "DestChannel",
        "DialStatus", "BridgeUniqueid", "BridgeType", "BridgeTechnology", "BridgeCreator", "BridgeName",
        "BridgeNumChannels", "BridgeVideoSourceMode", "Duration", "BridgeId", "Newchannel", "Newstate",
        "Newexten", "VarSet", "Hangup", "HangupRequest", "SoftHangupRequest", "DialBegin", "DialEnd",
        "DialState", "OriginateResponse", "BridgeCreate", "BridgeEnter", "BridgeLeave", "BridgeDestroy",
        "Cdr", "CEL", "DeviceStateChange", "NewCallerid", "NewConnectedLine", "NewAccountCode", "LocalBridge",
        "FullyBooted", "SuccessfulAuth", "InvalidPassword", "CoreShowChannel", "CoreShowChannelsComplete",
        "Status", "StatusComplete", "MixMonitorStart", "MixMonitorStop", "ConfbridgeJoin", "ConfbridgeLeave",
        "ConfbridgeStart", "ConfbridgeEnd", "UserEvent", "Success", "Error", "Goodbye", "Follows",
    }.ToFrozenDictionary(n => n, n => n, StringComparer.Ordinal);

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup =
        new Dictionary<string, string>(Known, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ConcurrentDictionary<string, string> Seen = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SeenLookup =
        Seen.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string for an ASCII name; a fresh string for anything long or non-ASCII.</summary>
    public static string Get(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return string.Empty;
        }

        if (name.Length > MaxNameLength || !System.Text.Ascii.IsValid(name))
        {
            return Encoding.UTF8.GetString(name);
        }

        Span<char> chars = stackalloc char[name.Length];
        System.Text.Ascii.ToUtf16(name, chars, out _);

        if (KnownLookup.TryGetValue(chars, out var known) || SeenLookup.TryGetValue(chars, out known))
        {
            return known;
        }

        var created = new string(chars);
        return Seen.Count < MaxCachedNames ? Seen.GetOrAdd(created, created) : created;
    }
}
