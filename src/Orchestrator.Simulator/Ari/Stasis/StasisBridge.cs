namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary>A bridge created through ARI (<c>POST /bridges</c>). Changed only under <see cref="AriSwitch.Gate"/>.</summary>
internal sealed class StasisBridge
{
    public StasisBridge(string id, string type, string name, DateTimeOffset created)
    {
        Id = id;
        Type = type;
        Name = name;
        Created = created;
    }

    public string Id { get; }

    /// <summary><c>mixing</c> or <c>holding</c>.</summary>
    public string Type { get; }

    public string Name { get; }

    /// <summary>
    /// The applications that get the bridge's events: those whose channels have been in it (Asterisk subscribes an
    /// application to a bridge when one of its Stasis channels joins).
    /// </summary>
    public List<string> Subscribers { get; } = [];

    public DateTimeOffset Created { get; }

    /// <summary>The channels in the bridge, newest first (the order Asterisk lists them in).</summary>
    public List<StasisChannel> Members { get; } = [];

    /// <summary>Every participant's channel name, newest first, the recorder included (what BRIDGEPEER lists).</summary>
    public List<string> Participants { get; } = [];

    /// <summary>The recording of the bridge's mix, while it runs (a recorder channel counts as a participant).</summary>
    public StasisRecording? Recording { get; set; }

    public bool IsMixing => Type == "mixing";

    /// <summary>simple_bridge for two parties, softmix beyond; holding_bridge for a holding bridge.</summary>
    public string Technology => IsMixing ? (Members.Count + (Recording is null ? 0 : 1) > 2 ? "softmix" : "simple_bridge") : "holding_bridge";

    public string VideoMode => IsMixing ? "talker" : "none";
}

/// <summary>A playback started with <c>POST /channels/{id}/play</c>.</summary>
internal sealed class StasisPlayback
{
    public StasisPlayback(string id, string mediaUri, StasisChannel channel)
    {
        Id = id;
        MediaUri = mediaUri;
        Channel = channel;
    }

    public string Id { get; }

    public string MediaUri { get; }

    public StasisChannel Channel { get; }

    public string TargetUri => $"channel:{Channel.Id}";

    /// <summary>queued, playing, done.</summary>
    public string State { get; set; } = "queued";

    public Engine.ScheduledStep? Finish { get; set; }
}

/// <summary>A live recording of a bridge or a channel (<c>POST /bridges/{id}/record</c>, <c>/channels/{id}/record</c>).</summary>
internal sealed class StasisRecording
{
    public StasisRecording(string name, string format, string targetUri, string recorderName, DateTimeOffset started)
    {
        Name = name;
        Format = format;
        TargetUri = targetUri;
        RecorderName = recorderName;
        Started = started;
    }

    public string Name { get; }

    public string Format { get; }

    /// <summary><c>bridge:&lt;id&gt;</c> or <c>channel:&lt;id&gt;</c>.</summary>
    public string TargetUri { get; }

    /// <summary>The recorder's channel name in the bridge (<c>Recorder/ARI-0000002e;2</c>), for BRIDGEPEER.</summary>
    public string RecorderName { get; }

    public DateTimeOffset Started { get; }

    /// <summary>queued, recording, done.</summary>
    public string State { get; set; } = "queued";

    public StasisBridge? Bridge { get; set; }

    public StasisChannel? Channel { get; set; }

    public Engine.ScheduledStep? MaxDuration { get; set; }
}
