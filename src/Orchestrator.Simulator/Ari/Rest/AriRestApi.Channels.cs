using Orchestrator.Simulator.Ari.Http;
using Orchestrator.Simulator.Ari.Stasis;

namespace Orchestrator.Simulator.Ari.Rest;

internal sealed partial class AriRestApi
{
    /// <summary>The causes DELETE /channels/{id}?reason= names (Asterisk's ari hangup reasons).</summary>
    private static readonly Dictionary<string, int> HangupReasons = new(StringComparer.Ordinal)
    {
        ["normal"] = 16,
        ["busy"] = 17,
        ["congestion"] = 34,
        ["no_answer"] = 19,
        ["timeout"] = 18,
        ["rejected"] = 21,
        ["unallocated"] = 1,
        ["normal_unspecified"] = 31,
        ["number_incomplete"] = 28,
        ["codec_mismatch"] = 58,
        ["interworking"] = 127,
        ["failure"] = 38,
        ["answered_elsewhere"] = 26,
    };

    private AriHttpResponse ListChannels() => AriHttpResponse.Ok(AriJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var channel in _switch.Channels)
        {
            AriJson.Channel(w, channel);
        }

        w.WriteEndArray();
    }));

    private AriHttpResponse Originate(AriHttpRequest request, bool createOnly)
    {
        var spec = new OriginateSpec
        {
            Endpoint = request.Parameter("endpoint") ?? string.Empty,
            Application = request.Parameter("app"),
            AppArgs = request.Parameter("appArgs") is { Length: > 0 } args ? args.Split(',') : [],
            Context = request.Parameter("context"),
            Extension = request.Parameter("extension"),
            Priority = request.Int("priority"),
            CallerId = request.Parameter("callerId"),
            TimeoutSeconds = request.Int("timeout") ?? 30,
            ChannelId = request.Parameter("channelId"),
            OtherChannelId = request.Parameter("otherChannelId"),
            Variables = BodyVariables(request),
        };
        if (_switch.Originate(spec, createOnly, out var channel) is { } error)
        {
            return AriHttpResponse.Error(error);
        }

        // The channel as it was created (the events that followed already changed nothing the caller sees: Down).
        return AriHttpResponse.Ok(AriJson.Write(w => AriJson.Channel(w, channel!)));
    }

    private AriHttpResponse Hangup(AriHttpRequest request, StasisChannel channel)
    {
        var code = request.Int("reason_code");
        var reason = request.Parameter("reason");
        if (code is not null && reason is not null)
        {
            return AriHttpResponse.Error(400, "Bad Request", "The reason and reason_code can't both be specified");
        }

        int cause;
        if (code is { } given)
        {
            cause = given;
        }
        else if (reason is null)
        {
            cause = 16;
        }
        else if (!HangupReasons.TryGetValue(reason, out cause))
        {
            return AriHttpResponse.Error(400, "Bad Request", "Invalid reason for hangup provided");
        }

        _switch.HangupByRequest(channel, cause);
        return AriHttpResponse.NoContent();
    }

    private AriHttpResponse Play(AriHttpRequest request, StasisChannel channel)
    {
        if (_switch.PreparePlayback(channel, request.Parameter("media"), request.Parameter("playbackId"), out var playback) is { } error)
        {
            return AriHttpResponse.Error(error);
        }

        var response = AriHttpResponse.Created(AriJson.Write(w => AriJson.Playback(w, playback!)), $"/ari/playbacks/{playback!.Id}");
        _switch.BeginPlayback(playback);
        return response;
    }

    private AriHttpResponse Record(AriHttpRequest request, StasisBridge? bridge, StasisChannel? channel)
    {
        if (_switch.PrepareRecording(bridge, channel, request.Parameter("name"), request.Parameter("format"), request.Parameter("ifExists"), out var recording) is { } error)
        {
            return AriHttpResponse.Error(error);
        }

        var response = AriHttpResponse.Created(AriJson.Write(w => AriJson.Recording(w, recording!)), $"/ari/recordings/live/{recording!.Name}");
        _switch.BeginRecording(recording, request.Int("maxDurationSeconds"));
        return response;
    }

    private AriHttpResponse Snoop(AriHttpRequest request, StasisChannel channel)
    {
        var args = request.Parameter("appArgs") is { Length: > 0 } text ? text.Split(',') : [];
        return _switch.Snoop(channel, request.Parameter("spy"), request.Parameter("whisper"), request.Parameter("app"), args, request.Parameter("snoopId"), out var snoop) is { } error
            ? AriHttpResponse.Error(error)
            : AriHttpResponse.Ok(AriJson.Write(w => AriJson.Channel(w, snoop!)));
    }

    private static AriHttpResponse GetVariable(AriHttpRequest request, StasisChannel channel)
    {
        if (request.Parameter("variable") is not { Length: > 0 } name)
        {
            return AriHttpResponse.Error(400, "Bad Request", "Variable name is required");
        }

        return channel.GetVariable(name) is { } value
            ? AriHttpResponse.Ok(AriJson.Object(w => w.WriteString("value", value)))
            : AriHttpResponse.Error(404, "Not Found", "Provided variable was not found");
    }

    private AriHttpResponse SetVariable(AriHttpRequest request, StasisChannel channel)
    {
        if (request.Parameter("variable") is not { Length: > 0 } name)
        {
            return AriHttpResponse.Error(400, "Bad Request", "Variable name is required");
        }

        _switch.Varset(channel, name, request.Parameter("value") ?? string.Empty);
        return AriHttpResponse.NoContent();
    }
}
