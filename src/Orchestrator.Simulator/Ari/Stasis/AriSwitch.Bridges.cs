namespace Orchestrator.Simulator.Ari.Stasis;

internal sealed partial class AriSwitch
{
    private static readonly string[] KnownFormats = ["wav", "wav16", "gsm", "ulaw", "alaw", "sln", "sln16", "g722", "g729", "ogg", "WAV"];

    /// <summary><c>POST /bridges</c>: mixing unless the type asks for holding.</summary>
    public StasisError? CreateBridge(string? type, string? bridgeId, string? name, out StasisBridge? bridge)
    {
        bridge = null;
        var kind = type is not null && type.Split(',').Contains("holding", StringComparer.Ordinal) ? "holding" : "mixing";
        var id = string.IsNullOrEmpty(bridgeId) ? NextUuid() : bridgeId;
        if (FindBridge(id) is not null)
        {
            return new StasisError(500, "Internal Error", "Unable to create bridge. Possible duplicate bridge id?");
        }

        bridge = new StasisBridge(id, kind, name ?? string.Empty, Now);
        _bridges.Add(bridge);
        return null;
    }

    /// <summary><c>POST /bridges/{id}/addChannel</c>: a channel in another bridge leaves it first.</summary>
    public StasisError? AddChannels(StasisBridge bridge, IReadOnlyList<string> channelIds)
    {
        var channels = new List<StasisChannel>();
        foreach (var id in channelIds)
        {
            if (FindChannel(id) is not { } channel)
            {
                return new StasisError(400, "Bad Request", "Channel not found");
            }

            if (channel.StasisApp is null)
            {
                return new StasisError(422, "Unprocessable Entity", "Channel not in Stasis application");
            }

            channels.Add(channel);
        }

        foreach (var channel in channels)
        {
            if (channel.Bridge == bridge)
            {
                continue;
            }

            if (channel.Bridge is { } previous)
            {
                LeaveBridge(channel, previous);
            }

            bridge.Members.Insert(0, channel);
            bridge.Participants.Insert(0, channel.Name);
            channel.Bridge = bridge;
            if (!bridge.Subscribers.Contains(channel.StasisApp!, StringComparer.Ordinal))
            {
                bridge.Subscribers.Add(channel.StasisApp!);
            }

            BridgeChannelEvent("ChannelEnteredBridge", bridge, channel);
        }

        UpdateBridgePeers(bridge);
        if (bridge.IsMixing && bridge.Members.Count >= 2)
        {
            foreach (var member in bridge.Members.ToList())
            {
                member.Party?.Bridged(this, member);
            }
        }

        return null;
    }

    /// <summary><c>POST /bridges/{id}/removeChannel</c>.</summary>
    public StasisError? RemoveChannels(StasisBridge bridge, IReadOnlyList<string> channelIds)
    {
        var channels = new List<StasisChannel>();
        foreach (var id in channelIds)
        {
            if (FindChannel(id) is not { } channel)
            {
                return new StasisError(400, "Bad Request", "Channel not found");
            }

            if (channel.Bridge != bridge)
            {
                return new StasisError(422, "Unprocessable Entity", "Channel not in this bridge");
            }

            channels.Add(channel);
        }

        foreach (var channel in channels)
        {
            LeaveBridge(channel, bridge);
        }

        return null;
    }

    /// <summary><c>DELETE /bridges/{id}</c>: its channels stay up, outside any bridge.</summary>
    public void DestroyBridge(StasisBridge bridge)
    {
        if (bridge.Recording is { } recording)
        {
            FinishRecording(recording, "done", keep: true);
        }

        foreach (var member in bridge.Members.ToList())
        {
            LeaveBridge(member, bridge);
        }

        _bridges.Remove(bridge);
        Send(bridge.Subscribers, app => AriJson.Event("BridgeDestroyed", Now, Options.EntityId, app, null, w => AriJson.Bridge(w, "bridge", bridge)));
    }

    /// <summary>
    /// <c>POST /bridges/{id}/record</c> or <c>/channels/{id}/record</c>: a recording in the <c>queued</c> state;
    /// <see cref="BeginRecording"/> starts it once the response is written.
    /// </summary>
    public StasisError? PrepareRecording(StasisBridge? bridge, StasisChannel? channel, string? name, string? format, string? ifExists, out StasisRecording? recording)
    {
        recording = null;
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(format))
        {
            return new StasisError(400, "Bad Request", "Recording name and format are required");
        }

        if (!KnownFormats.Contains(format, StringComparer.Ordinal))
        {
            return new StasisError(422, "Unprocessable Entity", "specified format is unknown on this system");
        }

        if (channel is { StasisApp: null })
        {
            return StasisError.NotInStasis;
        }

        if (_liveRecordings.ContainsKey(name) || bridge?.Recording is not null)
        {
            return new StasisError(409, "Conflict", "A recording with the same name is currently in progress");
        }

        if ((ifExists ?? "fail") == "fail" && _storedRecordings.Exists(r => r.Name == name))
        {
            return new StasisError(422, "Unprocessable Entity", "Recording file already exists");
        }

        var target = bridge is not null ? $"bridge:{bridge.Id}" : $"channel:{channel!.Id}";
        recording = new StasisRecording(name, format, target, $"Recorder/ARI-{NextSequence()};2", Now) { Bridge = bridge, Channel = channel };
        return null;
    }

    public void BeginRecording(StasisRecording recording, int? maxDurationSeconds)
    {
        _liveRecordings[recording.Name] = recording;
        Counters.Recording();
        if (recording.Bridge is { } bridge)
        {
            bridge.Recording = recording;
            bridge.Participants.Insert(0, recording.RecorderName);
            UpdateBridgePeers(bridge);
        }

        recording.State = "recording";
        SendRecordingEvent("RecordingStarted", recording, duration: null);
        if (maxDurationSeconds is > 0 and var max)
        {
            recording.MaxDuration = Scheduler.After(TimeSpan.FromSeconds(max), () => FinishRecording(recording, "done", keep: true));
        }
    }

    /// <summary>Stops a live recording: <c>done</c> and kept (stop), or <c>canceled</c> and discarded (DELETE).</summary>
    public void FinishRecording(StasisRecording recording, string state, bool keep)
    {
        if (!_liveRecordings.Remove(recording.Name))
        {
            return;
        }

        recording.MaxDuration?.Cancel();
        recording.State = state;
        var duration = (long)Math.Floor((Now - recording.Started).TotalSeconds);
        if (recording.Bridge is { } bridge)
        {
            bridge.Recording = null;
            bridge.Participants.Remove(recording.RecorderName);
            UpdateBridgePeers(bridge);
        }

        if (keep)
        {
            _storedRecordings.RemoveAll(r => r.Name == recording.Name);
            _storedRecordings.Add((recording.Name, recording.Format));
        }

        SendRecordingEvent("RecordingFinished", recording, duration);
    }

    public bool DeleteStoredRecording(string name) => _storedRecordings.RemoveAll(r => r.Name == name) > 0;

    private void SendRecordingEvent(string type, StasisRecording recording, long? duration)
    {
        IEnumerable<string> applications = recording.Bridge is { } bridge ? bridge.Subscribers : recording.Channel?.Subscribers ?? [];
        Send(applications, app => AriJson.Event(type, Now, Options.EntityId, app, null, w =>
        {
            w.WritePropertyName("recording");
            AriJson.Recording(w, recording, duration);
        }));
    }

    private void LeaveBridge(StasisChannel channel, StasisBridge bridge)
    {
        if (bridge.IsMixing && !string.IsNullOrEmpty(channel.GetVariable("BRIDGEPEER")))
        {
            Varset(channel, "BRIDGEPEER", string.Empty);
        }

        bridge.Members.Remove(channel);
        bridge.Participants.Remove(channel.Name);
        channel.Bridge = null;
        BridgeChannelEvent("ChannelLeftBridge", bridge, channel);
    }

    /// <summary>BRIDGEPEER of each channel in a mixing bridge: the other participants, newest first (set when it changes).</summary>
    private void UpdateBridgePeers(StasisBridge bridge)
    {
        if (!bridge.IsMixing || bridge.Participants.Count < 2)
        {
            return;
        }

        for (var i = bridge.Members.Count - 1; i >= 0; i--)
        {
            var member = bridge.Members[i];
            var value = string.Join(',', bridge.Participants.Where(p => p != member.Name));
            if (member.GetVariable("BRIDGEPEER") != value)
            {
                Varset(member, "BRIDGEPEER", value);
            }
        }
    }
}
