namespace Orchestrator.Simulator.Engine;

/// <summary>
/// What the simulator knows of one live channel: the snapshot Asterisk puts in every channel event, plus
/// what Status and CoreShowChannels report. Changed only under <see cref="SwitchCore.Gate"/>.
/// </summary>
internal sealed class SimChannel
{
    public SimChannel(string name, string uniqueid, string linkedid, DateTimeOffset created, ICallDriver? owner)
    {
        Name = name;
        Uniqueid = uniqueid;
        Linkedid = linkedid;
        Created = created;
        Owner = owner;
    }

    public string Name { get; }

    public string Uniqueid { get; }

    public string Linkedid { get; set; }

    public DateTimeOffset Created { get; }

    /// <summary>The call that drives this channel (the replayed lab call or the orchestrator-dialplan leg).</summary>
    public ICallDriver? Owner { get; set; }

    public int State { get; set; }

    public string CallerIdNum { get; set; } = "<unknown>";

    public string CallerIdName { get; set; } = "<unknown>";

    public string ConnectedLineNum { get; set; } = "<unknown>";

    public string ConnectedLineName { get; set; } = "<unknown>";

    public string Language { get; set; } = "en";

    public string AccountCode { get; set; } = string.Empty;

    public string Context { get; set; } = string.Empty;

    public string Exten { get; set; } = string.Empty;

    public string Priority { get; set; } = "1";

    public string Application { get; set; } = string.Empty;

    public string ApplicationData { get; set; } = string.Empty;

    public string BridgeId { get; set; } = string.Empty;

    /// <summary>The caller's ANI as CEL reports it (empty until the channel originates a call).</summary>
    public string Ani { get; set; } = string.Empty;

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Channel variables in the order they were first set.</summary>
    public List<KeyValuePair<string, string>> Variables { get; } = [];

    /// <summary>The technology: <c>Local</c>, <c>PJSIP</c>, …</summary>
    public string Technology => Name.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? Name[..slash] : Name;

    /// <summary>The device name for DeviceStateChange: the channel name without its sequence suffix.</summary>
    public string Device => DeviceOf(Name);

    public string? GetVariable(string name)
    {
        foreach (var (key, value) in Variables)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    public void SetVariable(string name, string value)
    {
        for (var i = 0; i < Variables.Count; i++)
        {
            if (string.Equals(Variables[i].Key, name, StringComparison.Ordinal))
            {
                Variables[i] = new(name, value);
                return;
            }
        }

        Variables.Add(new(name, value));
    }

    /// <summary><c>Local/5551230@sim-customers-00000000;1</c> → <c>Local/5551230@sim-customers</c>.</summary>
    public static string DeviceOf(string channelName)
    {
        var semicolon = channelName.LastIndexOf(';');
        var name = semicolon > 0 ? channelName[..semicolon] : channelName;
        var dash = name.LastIndexOf('-');
        return dash > 0 ? name[..dash] : name;
    }
}
