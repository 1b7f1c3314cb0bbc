using System.Globalization;
using System.Text;
using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Engine;

/// <summary>
/// The live channels, kept the way Asterisk keeps its snapshot cache: every emitted channel event updates the
/// snapshot of the channel it names. Replayed lab events and generated orchestrator events go through the same
/// path, so Status, CoreShowChannels, Getvar and Hangup see both alike. Used under the core's gate.
/// </summary>
internal sealed class ChannelTracker
{
    private readonly List<SimChannel> _channels = [];
    private readonly Dictionary<string, SimChannel> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimChannel> _byUniqueid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimChannel>.AlternateLookup<ReadOnlySpan<char>> _byNameLookup;

    public ChannelTracker() => _byNameLookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();

    public IReadOnlyList<SimChannel> All => _channels;

    public int Count => _channels.Count;

    public SimChannel? Find(string name) => _byName.GetValueOrDefault(name);

    public SimChannel? FindByUniqueid(string uniqueid) => _byUniqueid.GetValueOrDefault(uniqueid);

    public bool AnyWithLinkedid(string linkedid) => _channels.Exists(c => c.Linkedid == linkedid);

    public void Add(SimChannel channel)
    {
        _channels.Add(channel);
        _byName[channel.Name] = channel;
        _byUniqueid[channel.Uniqueid] = channel;
    }

    public void Remove(SimChannel channel)
    {
        _channels.Remove(channel);
        _byName.Remove(channel.Name);
        _byUniqueid.Remove(channel.Uniqueid);
    }

    public void Clear()
    {
        _channels.Clear();
        _byName.Clear();
        _byUniqueid.Clear();
    }

    /// <summary>Applies one emitted event to the snapshot of the channel it describes.</summary>
    /// <remarks>
    /// Every channel event passes here, and most repeat the snapshot unchanged: values are compared on their
    /// bytes and decoded only when they differ, so following a call allocates (almost) nothing per event.
    /// </remarks>
    public void Observe(AmiMessage message, ICallDriver? owner, DateTimeOffset now)
    {
        var nameAt = message.IndexOf("Channel");
        var uniqueidAt = message.IndexOf("Uniqueid");
        if (nameAt < 0 || uniqueidAt < 0 || !message.Contains("ChannelState"))
        {
            return;
        }

        var eventName = message.EventName;
        var channel = Find(message.ValueBytes(nameAt));
        if (channel is null)
        {
            if (eventName == "Hangup")
            {
                return;
            }

            var uniqueid = message.GetValue(uniqueidAt);
            channel = new SimChannel(message.GetValue(nameAt), uniqueid, message["Linkedid"] ?? uniqueid, now, owner);
            Add(channel);
        }

        UpdateSnapshot(channel, message, now);
        switch (eventName)
        {
            case "Newexten":
                channel.Application = Refreshed(message, "Application", channel.Application, absent: string.Empty);
                channel.ApplicationData = Refreshed(message, "AppData", channel.ApplicationData, absent: string.Empty);
                break;
            case "VarSet" when message["Variable"] is { } variable:
                channel.SetVariable(variable, message["Value"] ?? string.Empty);
                break;
            case "BridgeEnter":
                channel.BridgeId = Refreshed(message, "BridgeUniqueid", channel.BridgeId, absent: string.Empty);
                break;
            case "BridgeLeave":
                channel.BridgeId = string.Empty;
                break;
            case "Hangup":
                Remove(channel);
                break;
        }
    }

    private SimChannel? Find(ReadOnlySpan<byte> name)
    {
        const int MaxStackChars = 256;
        if (name.Length > MaxStackChars)
        {
            return Find(Encoding.UTF8.GetString(name));
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes chars, so the buffer is large enough.
        Span<char> chars = stackalloc char[name.Length];
        var length = Encoding.UTF8.GetChars(name, chars);
        return _byNameLookup.TryGetValue(chars[..length], out var channel) ? channel : null;
    }

    private static void UpdateSnapshot(SimChannel channel, AmiMessage message, DateTimeOffset now)
    {
        var stateAt = message.IndexOf("ChannelState");
        if (stateAt >= 0 && int.TryParse(message.ValueBytes(stateAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var state))
        {
            if (state == ChannelStates.Up && channel.AnsweredAt is null)
            {
                channel.AnsweredAt = now;
            }

            channel.State = state;
        }

        channel.CallerIdNum = Refreshed(message, "CallerIDNum", channel.CallerIdNum);
        channel.CallerIdName = Refreshed(message, "CallerIDName", channel.CallerIdName);
        channel.ConnectedLineNum = Refreshed(message, "ConnectedLineNum", channel.ConnectedLineNum);
        channel.ConnectedLineName = Refreshed(message, "ConnectedLineName", channel.ConnectedLineName);
        channel.Language = Refreshed(message, "Language", channel.Language);
        channel.AccountCode = Refreshed(message, "AccountCode", channel.AccountCode);
        channel.Context = Refreshed(message, "Context", channel.Context);
        channel.Exten = Refreshed(message, "Exten", channel.Exten);
        channel.Priority = Refreshed(message, "Priority", channel.Priority);
        channel.Linkedid = Refreshed(message, "Linkedid", channel.Linkedid);
    }

    /// <summary>
    /// The header's value: <paramref name="current"/> itself when the bytes say the same (no string made), else decoded;
    /// when the header is absent, <paramref name="absent"/> (by default, <paramref name="current"/> unchanged).
    /// </summary>
    private static string Refreshed(AmiMessage message, string header, string current, string? absent = null)
    {
        var at = message.IndexOf(header);
        if (at < 0)
        {
            return absent ?? current;
        }

        var value = message.ValueBytes(at);
        return Ascii.Equals(value, current) ? current : Encoding.UTF8.GetString(value);
    }
}
