using Orchestrator.Simulator.Ari.Http;
using Orchestrator.Simulator.Ari.Stasis;

namespace Orchestrator.Simulator.Ari.Rest;

internal sealed partial class AriRestApi
{
    private AriHttpResponse CreateBridge(AriHttpRequest request)
    {
        return _switch.CreateBridge(request.Parameter("type"), request.Parameter("bridgeId"), request.Parameter("name"), out var bridge) is { } error
            ? AriHttpResponse.Error(error)
            : AriHttpResponse.Ok(AriJson.Write(w => AriJson.Bridge(w, bridge!)));
    }

    private AriHttpResponse StopPlayback(string id)
    {
        if (_switch.FindPlayback(id) is not { } playback)
        {
            return PlaybackNotFound();
        }

        _switch.FinishPlayback(playback);
        return AriHttpResponse.NoContent();
    }

    private AriHttpResponse StopRecording(string name, bool keep)
    {
        if (_switch.FindLiveRecording(name) is not { } recording)
        {
            return AriHttpResponse.Error(StasisError.RecordingNotFound);
        }

        _switch.FinishRecording(recording, keep ? "done" : "canceled", keep);
        return AriHttpResponse.NoContent();
    }

    private AriHttpResponse StoredRecordings() => AriHttpResponse.Ok(AriJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var (name, format) in _switch.StoredRecordings)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("format", format);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }));

    private AriHttpResponse StoredRecording(string name)
    {
        foreach (var (stored, format) in _switch.StoredRecordings)
        {
            if (stored == name)
            {
                return AriHttpResponse.Ok(AriJson.Object(w =>
                {
                    w.WriteString("name", stored);
                    w.WriteString("format", format);
                }));
            }
        }

        return AriHttpResponse.Error(StasisError.RecordingNotFound);
    }

    private AriHttpResponse AsteriskInfo(AriHttpRequest request)
    {
        var only = request.List("only");
        bool Wants(string part) => only.Count == 0 || only.Contains(part, StringComparer.Ordinal);
        return AriHttpResponse.Ok(AriJson.Object(w =>
        {
            if (Wants("build"))
            {
                w.WriteStartObject("build");
                w.WriteString("os", "Linux");
                w.WriteString("kernel", "simulated");
                w.WriteString("machine", "x86_64");
                w.WriteString("options", "OPTIONAL_API");
                w.WriteString("date", "2026-11-23 19:20:23 UTC");
                w.WriteString("user", "root");
                w.WriteEndObject();
            }

            if (Wants("system"))
            {
                w.WriteStartObject("system");
                w.WriteString("version", Options.AsteriskVersion);
                w.WriteString("entity_id", Options.EntityId);
                w.WriteEndObject();
            }

            if (Wants("config"))
            {
                w.WriteStartObject("config");
                w.WriteString("name", string.Empty);
                w.WriteString("default_language", "en");
                w.WriteStartObject("setid");
                w.WriteString("user", string.Empty);
                w.WriteString("group", string.Empty);
                w.WriteEndObject();
                w.WriteNumber("max_channels", 500);
                w.WriteEndObject();
            }

            if (Wants("status"))
            {
                w.WriteStartObject("status");
                w.WriteString("startup_time", AriJson.Timestamp(_switch.StartedAt));
                w.WriteString("last_reload_time", AriJson.Timestamp(_switch.StartedAt));
                w.WriteEndObject();
            }
        }));
    }

    private AriHttpResponse Ping() => AriHttpResponse.Ok(AriJson.Object(w =>
    {
        w.WriteString("ping", "pong");
        w.WriteString("timestamp", AriJson.Timestamp(_switch.Now));
        w.WriteString("asterisk_id", Options.EntityId);
    }));

    private AriHttpResponse Applications() => AriHttpResponse.Ok(AriJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var name in _simulator.RegisteredApplications)
        {
            WriteApplication(w, name);
        }

        w.WriteEndArray();
    }));

    private AriHttpResponse Application(string name) =>
        _simulator.RegisteredApplications.Contains(name, StringComparer.Ordinal)
            ? AriHttpResponse.Ok(AriJson.Write(w => WriteApplication(w, name)))
            : AriHttpResponse.Error(404, "Not Found", "Application not found");

    private AriHttpResponse Subscribe(AriHttpRequest request, string name)
    {
        if (!_simulator.RegisteredApplications.Contains(name, StringComparer.Ordinal))
        {
            return AriHttpResponse.Error(404, "Not Found", "Application not found");
        }

        var sources = request.List("eventSource");
        if (sources.Count == 0)
        {
            return AriHttpResponse.Error(400, "Bad Request", "Missing parameter eventSource");
        }

        return _switch.Subscribe(name, sources) is { } error ? AriHttpResponse.Error(error) : AriHttpResponse.Ok(AriJson.Write(w => WriteApplication(w, name)));
    }

    private AriHttpResponse Unsubscribe(AriHttpRequest request, string name)
    {
        if (!_simulator.RegisteredApplications.Contains(name, StringComparer.Ordinal))
        {
            return AriHttpResponse.Error(404, "Not Found", "Application not found");
        }

        _switch.Unsubscribe(name, request.List("eventSource"));
        return AriHttpResponse.Ok(AriJson.Write(w => WriteApplication(w, name)));
    }

    private void WriteApplication(System.Text.Json.Utf8JsonWriter w, string name)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteStartArray("channel_ids");
        foreach (var channel in _switch.Channels.Where(c => c.Subscribers.Contains(name, StringComparer.Ordinal)))
        {
            w.WriteStringValue(channel.Id);
        }

        w.WriteEndArray();
        w.WriteStartArray("bridge_ids");
        foreach (var bridge in _switch.Bridges.Where(b => b.Subscribers.Contains(name, StringComparer.Ordinal)))
        {
            w.WriteStringValue(bridge.Id);
        }

        w.WriteEndArray();
        w.WriteStartArray("endpoint_ids");
        w.WriteEndArray();
        w.WriteStartArray("device_names");
        w.WriteEndArray();
        w.WriteStartArray("events_allowed");
        w.WriteEndArray();
        w.WriteStartArray("events_disallowed");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private AriHttpResponse Endpoints() => AriHttpResponse.Ok(AriJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var (endpoint, state) in Options.Endpoints)
        {
            var slash = endpoint.IndexOf('/', StringComparison.Ordinal);
            var prefix = endpoint + "-";
            w.WriteStartObject();
            w.WriteString("technology", slash > 0 ? endpoint[..slash] : endpoint);
            w.WriteString("resource", slash > 0 ? endpoint[(slash + 1)..] : string.Empty);
            w.WriteString("state", state);
            w.WriteStartArray("channel_ids");
            foreach (var channel in _switch.Channels.Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                w.WriteStringValue(channel.Id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }));

    private AriHttpResponse Sound(string id) =>
        Options.SoundDurations.ContainsKey(id)
            ? AriHttpResponse.Ok(AriJson.Object(w =>
            {
                w.WriteString("id", id);
                w.WriteStartArray("formats");
                w.WriteStartObject();
                w.WriteString("language", "en");
                w.WriteString("format", "slin");
                w.WriteEndObject();
                w.WriteEndArray();
            }))
            : AriHttpResponse.Error(404, "Not Found", "Sound not found");
}
