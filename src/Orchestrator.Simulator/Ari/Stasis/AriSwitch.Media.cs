namespace Orchestrator.Simulator.Ari.Stasis;

internal sealed partial class AriSwitch
{
    private static readonly string[] Directions = ["none", "both", "out", "in"];

    /// <summary><c>POST /channels/{id}/play</c>: a <c>queued</c> playback; <see cref="BeginPlayback"/> starts it.</summary>
    public StasisError? PreparePlayback(StasisChannel channel, string? media, string? playbackId, out StasisPlayback? playback)
    {
        playback = null;
        if (string.IsNullOrEmpty(media))
        {
            return new StasisError(400, "Bad Request", "media is required");
        }

        if (channel.StasisApp is null)
        {
            return StasisError.NotInStasis;
        }

        var id = string.IsNullOrEmpty(playbackId) ? NextUuid() : playbackId;
        if (_playbacks.ContainsKey(id))
        {
            return new StasisError(409, "Conflict", "A playback with the same id already exists");
        }

        playback = new StasisPlayback(id, media, channel);
        return null;
    }

    public void BeginPlayback(StasisPlayback playback)
    {
        _playbacks[playback.Id] = playback;
        Counters.Playback();
        playback.State = "playing";
        SendPlaybackEvent("PlaybackStarted", playback);
        playback.Finish = Scheduler.After(SoundDuration(playback.MediaUri), () => FinishPlayback(playback));
    }

    /// <summary>The playback ends (done, stopped with DELETE /playbacks/{id}, or its channel went).</summary>
    public void FinishPlayback(StasisPlayback playback)
    {
        if (!_playbacks.Remove(playback.Id))
        {
            return;
        }

        playback.Finish?.Cancel();
        playback.State = "done";
        SendPlaybackEvent("PlaybackFinished", playback);
    }

    /// <summary><c>POST /channels/{id}/snoop</c>: a channel in the app that hears (and/or whispers into) <paramref name="target"/>.</summary>
    public StasisError? Snoop(StasisChannel target, string? spy, string? whisper, string? application, IReadOnlyList<string> args, string? snoopId, out StasisChannel? snoop)
    {
        snoop = null;
        spy ??= "none";
        whisper ??= "none";
        if (string.IsNullOrEmpty(application))
        {
            return new StasisError(400, "Bad Request", "Application name is required");
        }

        if (!Directions.Contains(spy, StringComparer.Ordinal) || !Directions.Contains(whisper, StringComparer.Ordinal))
        {
            return new StasisError(400, "Bad Request", "Invalid direction specified for spy or whisper");
        }

        if (spy == "none" && whisper == "none")
        {
            return new StasisError(400, "Bad Request", "Spy or whisper must be specified");
        }

        var id = string.IsNullOrEmpty(snoopId) ? NextUniqueId() : snoopId;
        if (_byId.ContainsKey(id))
        {
            return new StasisError(409, "Conflict", "Channel with given unique ID already exists");
        }

        snoop = new StasisChannel(id, $"Snoop/{target.Id}-{NextSequence()}", Now)
        {
            State = "Up",
            SnoopTarget = target,
            Spy = spy,
            Whisper = whisper,
        };
        var appData = StasisAppData(application, args);
        snoop.Locate("default", "s", 1, "Stasis", appData);
        Add(snoop);
        Counters.Snoop();
        if (!EnterStasis(snoop, application, args))
        {
            TearDown(snoop, 16, request: null, PeerHangup.Full);
        }

        return null;
    }

    /// <summary><c>POST /applications/{app}/subscription</c>: <c>channel:&lt;id&gt;</c>, <c>bridge:&lt;id&gt;</c>, <c>endpoint:…</c>.</summary>
    public StasisError? Subscribe(string application, IReadOnlyList<string> sources)
    {
        var channels = new List<StasisChannel>();
        foreach (var source in sources)
        {
            var colon = source.IndexOf(':', StringComparison.Ordinal);
            var scheme = colon > 0 ? source[..colon] : string.Empty;
            var name = colon > 0 ? source[(colon + 1)..] : string.Empty;
            switch (scheme)
            {
                case "channel" when FindChannel(name) is { } channel:
                    channels.Add(channel);
                    break;
                case "bridge" when FindBridge(name) is not null:
                case "endpoint" or "deviceState":
                    break;
                case "channel" or "bridge":
                    return new StasisError(422, "Unprocessable Entity", "Event source does not exist");
                default:
                    return new StasisError(400, "Bad Request", "Invalid event source URI scheme");
            }
        }

        foreach (var channel in channels)
        {
            channel.Subscribe(application);
        }

        return null;
    }

    /// <summary><c>DELETE /applications/{app}/subscription</c>.</summary>
    public void Unsubscribe(string application, IReadOnlyList<string> sources)
    {
        foreach (var source in sources)
        {
            if (source.StartsWith("channel:", StringComparison.Ordinal) && FindChannel(source[8..]) is { } channel && channel.StasisApp != application)
            {
                channel.Subscribers.Remove(application);
            }
        }
    }

    private void SendPlaybackEvent(string type, StasisPlayback playback) =>
        Send(playback.Channel.Subscribers, app => AriJson.Event(type, Now, Options.EntityId, app, null, w =>
        {
            w.WritePropertyName("playback");
            AriJson.Playback(w, playback);
        }));
}
