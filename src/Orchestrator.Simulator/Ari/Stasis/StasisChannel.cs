namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary>
/// One channel of the simulated Asterisk as ARI shows it: the snapshot every channel event and REST answer
/// carries, plus what the simulator needs to drive it. Changed only under <see cref="AriSwitch.Gate"/>.
/// </summary>
internal sealed class StasisChannel
{
    public StasisChannel(string id, string name, DateTimeOffset created)
    {
        Id = id;
        Name = name;
        Created = created;
    }

    public string Id { get; }

    public string Name { get; }

    public DateTimeOffset Created { get; }

    /// <summary>Down, Ring, Ringing, Up, Busy.</summary>
    public string State { get; set; } = "Down";

    public string CallerName { get; set; } = string.Empty;

    public string CallerNumber { get; set; } = string.Empty;

    public string ConnectedName { get; set; } = string.Empty;

    public string ConnectedNumber { get; set; } = string.Empty;

    public string Context { get; set; } = "default";

    public string Exten { get; set; } = "s";

    public long Priority { get; set; } = 1;

    public string AppName { get; set; } = string.Empty;

    public string AppData { get; set; } = string.Empty;

    public string Language { get; set; } = "en";

    /// <summary>Channel variables in the order they were first set.</summary>
    public List<KeyValuePair<string, string>> Variables { get; } = [];

    /// <summary>The Stasis applications that get this channel's events (originate into an app, Stasis(), subscription).</summary>
    public List<string> Subscribers { get; } = [];

    /// <summary>The application the channel is in now (between StasisStart and StasisEnd); null outside Stasis.</summary>
    public string? StasisApp { get; set; }

    /// <summary>The channel ran Stasis() at least once: STASISSTATUS is set when it ends.</summary>
    public bool WasInStasis { get; set; }

    public StasisBridge? Bridge { get; set; }

    /// <summary>The other half of a Local channel pair (<c>;1</c> ↔ <c>;2</c>).</summary>
    public StasisChannel? LocalPeer { get; set; }

    /// <summary>The dial this channel places (the <c>;1</c> half, or the only channel of a PJSIP call).</summary>
    public OutboundDial? Dial { get; set; }

    /// <summary>For a channel made with <c>/channels/create</c>: <c>/dial</c> has been called.</summary>
    public bool DialStarted { get; set; }

    /// <summary>The dialplan the channel runs right now, if any.</summary>
    public DialplanRunner? Runner { get; set; }

    /// <summary>What the far end does once the channel is answered (model customers, agent phones).</summary>
    public FarParty? Party { get; set; }

    /// <summary>A cause the channel's own dialplan set (Busy() sets 17): its ChannelDestroyed reports it.</summary>
    public int? OwnCause { get; set; }

    public bool Gone { get; set; }

    /// <summary>For a snoop channel: the channel it spies on, and the directions.</summary>
    public StasisChannel? SnoopTarget { get; set; }

    public string Spy { get; set; } = "none";

    public string Whisper { get; set; } = "none";

    public bool IsAnswered => State == "Up";

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

    public void Subscribe(string application)
    {
        if (!Subscribers.Contains(application, StringComparer.Ordinal))
        {
            Subscribers.Add(application);
        }
    }

    public void Locate(string context, string exten, long priority, string appName, string appData)
    {
        Context = context;
        Exten = exten;
        Priority = priority;
        AppName = appName;
        AppData = appData;
    }

    public override string ToString() => $"{Id} ({Name}, {State})";
}
