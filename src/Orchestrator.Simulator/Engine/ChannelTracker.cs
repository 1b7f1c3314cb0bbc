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
    public void Observe(AmiMessage message, ICallDriver? owner, DateTimeOffset now)
    {
        var eventName = message.EventName;
        var name = message["Channel"];
        if (name is null || !message.Contains("ChannelState") || message["Uniqueid"] is not { } uniqueid)
        {
            return;
        }

        var channel = Find(name);
        if (channel is null)
        {
            if (eventName == "Hangup")
            {
                return;
            }

            channel = new SimChannel(name, uniqueid, message["Linkedid"] ?? uniqueid, now, owner);
            Add(channel);
        }

        UpdateSnapshot(channel, message, now);
        switch (eventName)
        {
            case "Newexten":
                channel.Application = message["Application"] ?? string.Empty;
                channel.ApplicationData = message["AppData"] ?? string.Empty;
                break;
            case "VarSet" when message["Variable"] is { } variable:
                channel.SetVariable(variable, message["Value"] ?? string.Empty);
                break;
            case "BridgeEnter":
                channel.BridgeId = message["BridgeUniqueid"] ?? string.Empty;
                break;
            case "BridgeLeave":
                channel.BridgeId = string.Empty;
                break;
            case "Hangup":
                Remove(channel);
                break;
        }
    }

    private static void UpdateSnapshot(SimChannel channel, AmiMessage message, DateTimeOffset now)
    {
        if (int.TryParse(message["ChannelState"], out var state))
        {
            if (state == ChannelStates.Up && channel.AnsweredAt is null)
            {
                channel.AnsweredAt = now;
            }

            channel.State = state;
        }

        channel.CallerIdNum = message["CallerIDNum"] ?? channel.CallerIdNum;
        channel.CallerIdName = message["CallerIDName"] ?? channel.CallerIdName;
        channel.ConnectedLineNum = message["ConnectedLineNum"] ?? channel.ConnectedLineNum;
        channel.ConnectedLineName = message["ConnectedLineName"] ?? channel.ConnectedLineName;
        channel.Language = message["Language"] ?? channel.Language;
        channel.AccountCode = message["AccountCode"] ?? channel.AccountCode;
        channel.Context = message["Context"] ?? channel.Context;
        channel.Exten = message["Exten"] ?? channel.Exten;
        channel.Priority = message["Priority"] ?? channel.Priority;
        channel.Linkedid = message["Linkedid"] ?? channel.Linkedid;
    }
}
