using System.Text;
using System.Text.Json;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Simulator.Tests.Ari.Support;

/// <summary>One request the recorder sent, when, on which connection, and what Asterisk answered (two answers for an upgrade without app=).</summary>
internal sealed record RecordedExchange(TimeSpan At, string Connection, byte[] RequestBytes, HttpWireMessage Request, List<HttpWireMessage> Responses);

/// <summary>
/// The ARI side of a recorded transcript: every request with its exact bytes and recorded responses, and every
/// event the events socket delivered, in wire order.
/// </summary>
internal sealed class AriRecording
{
    private AriRecording(string name, List<RecordedExchange> exchanges, List<string> events, TimeSpan end)
    {
        Name = name;
        Exchanges = exchanges;
        Events = events;
        End = end;
    }

    public string Name { get; }

    public IReadOnlyList<RecordedExchange> Exchanges { get; }

    /// <summary>The JSON of every event frame, in order.</summary>
    public IReadOnlyList<string> Events { get; }

    /// <summary>The time of the transcript's last line.</summary>
    public TimeSpan End { get; }

    public static AriRecording Load(string fixture)
    {
        var transcript = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", fixture + ".txt"));
        var exchanges = new List<RecordedExchange>();
        var events = new List<string>();
        var clientBuffers = new Dictionary<string, (List<byte> Bytes, List<byte> Raw)>();
        var serverBuffers = new Dictionary<string, List<byte>>();
        var pending = new Dictionary<string, Queue<RecordedExchange>>();
        var last = new Dictionary<string, RecordedExchange>();
        var upgraded = new HashSet<string>();
        foreach (var line in transcript.Lines)
        {
            if (line.Kind == TranscriptLineKind.Note)
            {
                continue;
            }

            var connection = line.Connection;
            if (upgraded.Contains(connection))
            {
                if (line.Direction == TranscriptDirection.Server && line.Kind == TranscriptLineKind.Bytes)
                {
                    events.Add(Encoding.UTF8.GetString(line.Bytes));
                }

                continue;
            }

            if (line.Direction == TranscriptDirection.Client)
            {
                if (!clientBuffers.TryGetValue(connection, out var client))
                {
                    clientBuffers[connection] = client = ([], []);
                }

                client.Bytes.AddRange(line.Bytes);
                client.Raw.AddRange(line.Bytes);
                var before = client.Bytes.Count;
                while (HttpWireMessage.TryParse(client.Bytes, out var request))
                {
                    var consumed = before - client.Bytes.Count;
                    var raw = client.Raw.GetRange(0, consumed).ToArray();
                    client.Raw.RemoveRange(0, consumed);
                    before = client.Bytes.Count;
                    var exchange = new RecordedExchange(line.Offset, connection, raw, request!, []);
                    exchanges.Add(exchange);
                    (pending.TryGetValue(connection, out var queue) ? queue : pending[connection] = new Queue<RecordedExchange>()).Enqueue(exchange);
                }

                continue;
            }

            if (!serverBuffers.TryGetValue(connection, out var server))
            {
                serverBuffers[connection] = server = [];
            }

            server.AddRange(line.Bytes);
            while (HttpWireMessage.TryParse(server, out var response))
            {
                if (pending.TryGetValue(connection, out var queue) && queue.TryDequeue(out var exchange))
                {
                    exchange.Responses.Add(response!);
                    last[connection] = exchange;
                    if (response!.Status == 101)
                    {
                        upgraded.Add(connection);
                    }
                }
                else if (last.TryGetValue(connection, out var previous))
                {
                    previous.Responses.Add(response!);
                }
            }
        }

        return new AriRecording(fixture, exchanges, events, transcript.Lines[^1].Offset);
    }
}

/// <summary>How an event is compared: which thing it is about, and what it says (type plus the one field that tells its step).</summary>
internal static class EventKeys
{
    /// <summary>Per entity (a channel, a playback in order of appearance, a recording, a bridge), the labels of its events in order.</summary>
    public static Dictionary<string, List<string>> ByEntity(IEnumerable<string> events)
    {
        var playbacks = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var text in events)
        {
            using var document = JsonDocument.Parse(text);
            var e = document.RootElement;
            var type = e.GetProperty("type").GetString()!;
            string entity;
            if (e.TryGetProperty("playback", out var playback))
            {
                var id = playback.GetProperty("id").GetString()!;
                if (!playbacks.TryGetValue(id, out var name))
                {
                    playbacks[id] = name = $"playback#{playbacks.Count + 1}";
                }

                entity = name;
            }
            else if (e.TryGetProperty("recording", out var recording))
            {
                entity = "recording:" + recording.GetProperty("name").GetString();
            }
            else if (e.TryGetProperty("channel", out var channel))
            {
                entity = channel.GetProperty("id").GetString()!;
            }
            else if (e.TryGetProperty("peer", out var peer))
            {
                entity = peer.GetProperty("id").GetString()!;
            }
            else if (e.TryGetProperty("bridge", out var bridge))
            {
                entity = "bridge:" + bridge.GetProperty("id").GetString();
            }
            else
            {
                entity = "(none)";
            }

            (result.TryGetValue(entity, out var list) ? list : result[entity] = []).Add(Label(type, e));
        }

        return result;
    }

    /// <summary>The shape of every event of every entity (its field names, recursively), in order.</summary>
    public static string Label(string type, JsonElement e) => type switch
    {
        "Dial" => $"Dial:{e.GetProperty("dialstatus").GetString()}",
        "ChannelVarset" => $"ChannelVarset:{e.GetProperty("variable").GetString()}",
        "ChannelDialplan" => $"ChannelDialplan:{e.GetProperty("dialplan_app").GetString()}",
        "ChannelStateChange" => $"ChannelStateChange:{e.GetProperty("channel").GetProperty("state").GetString()}",
        "ChannelHangupRequest" => $"ChannelHangupRequest:{e.GetProperty("cause").GetInt32()}{(e.TryGetProperty("soft", out _) ? "/soft" : string.Empty)}",
        "ChannelDestroyed" => $"ChannelDestroyed:{e.GetProperty("cause").GetInt32()}",
        "ChannelEnteredBridge" or "ChannelLeftBridge" => $"{type}:{e.GetProperty("bridge").GetProperty("id").GetString()}",
        "PlaybackStarted" or "PlaybackFinished" => $"{type}:{e.GetProperty("playback").GetProperty("state").GetString()}",
        "RecordingStarted" or "RecordingFinished" => $"{type}:{e.GetProperty("recording").GetProperty("state").GetString()}",
        _ => type,
    };
}

/// <summary>The shape of a JSON value: object field names (recursively), array element shapes, value kinds — not the values.</summary>
internal static class JsonShape
{
    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Of(document.RootElement);
    }

    public static string Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{Of(p.Value)}")) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Of).Order(StringComparer.Ordinal)) + "]",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
