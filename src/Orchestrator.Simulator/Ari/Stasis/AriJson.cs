using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orchestrator.Simulator.Ari.Stasis;

/// <summary>
/// The JSON Asterisk 22 writes (<c>pretty = no</c>): the same fields in the same order as the recordings, written
/// by hand so the simulator never borrows the client's models (a shared model would hide a client bug).
/// </summary>
internal static class AriJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Asterisk's time stamp: <c>2026-11-23T19:52:15.115+0000</c>.</summary>
    public static string Timestamp(DateTimeOffset at)
    {
        var offset = at.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-dd'T'HH:mm:ss.fff}{sign}{offset.Hours:00}{offset.Minutes:00}");
    }

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Object(Action<Utf8JsonWriter> fields) => Write(w =>
    {
        w.WriteStartObject();
        fields(w);
        w.WriteEndObject();
    });

    public static byte[] Message(string message) => Object(w => w.WriteString("message", message));

    /// <summary>
    /// An event: <paramref name="before"/> fields, <c>type</c>, <c>timestamp</c>, <paramref name="after"/> fields,
    /// then <c>asterisk_id</c> and <c>application</c> (each event type keeps its recorded field order).
    /// </summary>
    public static byte[] Event(string type, DateTimeOffset at, string asteriskId, string application, Action<Utf8JsonWriter>? before, Action<Utf8JsonWriter>? after) =>
        Object(w =>
        {
            before?.Invoke(w);
            w.WriteString("type", type);
            w.WriteString("timestamp", Timestamp(at));
            after?.Invoke(w);
            w.WriteString("asterisk_id", asteriskId);
            w.WriteString("application", application);
        });

    public static void Channel(Utf8JsonWriter w, string property, StasisChannel c)
    {
        w.WritePropertyName(property);
        Channel(w, c);
    }

    public static void Channel(Utf8JsonWriter w, StasisChannel c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("name", c.Name);
        w.WriteString("state", c.State);
        w.WriteString("protocol_id", string.Empty);
        w.WriteStartObject("caller");
        w.WriteString("name", c.CallerName);
        w.WriteString("number", c.CallerNumber);
        w.WriteEndObject();
        w.WriteStartObject("connected");
        w.WriteString("name", c.ConnectedName);
        w.WriteString("number", c.ConnectedNumber);
        w.WriteEndObject();
        w.WriteString("accountcode", string.Empty);
        w.WriteStartObject("dialplan");
        w.WriteString("context", c.Context);
        w.WriteString("exten", c.Exten);
        w.WriteNumber("priority", c.Priority);
        w.WriteString("app_name", c.AppName);
        w.WriteString("app_data", c.AppData);
        w.WriteEndObject();
        w.WriteString("creationtime", Timestamp(c.Created));
        w.WriteString("language", c.Language);
        w.WriteEndObject();
    }

    public static void Bridge(Utf8JsonWriter w, string property, StasisBridge b)
    {
        w.WritePropertyName(property);
        Bridge(w, b);
    }

    public static void Bridge(Utf8JsonWriter w, StasisBridge b)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("technology", b.Technology);
        w.WriteString("bridge_type", b.Type);
        w.WriteString("bridge_class", "stasis");
        w.WriteString("creator", "Stasis");
        w.WriteString("name", b.Name);
        w.WriteStartArray("channels");
        foreach (var member in b.Members)
        {
            w.WriteStringValue(member.Id);
        }

        w.WriteEndArray();
        w.WriteString("creationtime", Timestamp(b.Created));
        w.WriteString("video_mode", b.VideoMode);
        w.WriteEndObject();
    }

    public static void Playback(Utf8JsonWriter w, StasisPlayback p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("media_uri", p.MediaUri);
        w.WriteString("target_uri", p.TargetUri);
        w.WriteString("language", p.Channel.Language);
        w.WriteString("state", p.State);
        w.WriteEndObject();
    }

    public static void Recording(Utf8JsonWriter w, StasisRecording r, long? duration = null)
    {
        w.WriteStartObject();
        w.WriteString("name", r.Name);
        w.WriteString("format", r.Format);
        w.WriteString("state", r.State);
        w.WriteString("target_uri", r.TargetUri);
        if (duration is { } seconds)
        {
            w.WriteNumber("duration", seconds);
        }

        w.WriteEndObject();
    }
}
