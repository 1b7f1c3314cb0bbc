using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orchestrator.Protocols.Ari.Json;
using Orchestrator.Protocols.Ari.Models;
using Orchestrator.Protocols.Ari.Rest;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>
/// Turns a recorded ARI request back into the typed client call that should produce it, so a replay
/// checks both directions: the method sends the recorded request, and reads the recorded response.
/// </summary>
internal static class RecordedCalls
{
    /// <summary>Calls the typed method for <paramref name="request"/>; returns its result (null for methods without one).</summary>
    public static async Task<object?> InvokeAsync(AriRestClient rest, HttpMessage request, CancellationToken ct)
    {
        var target = RequestTarget.Parse(request.Target);
        var s = target.Segments;
        var method = request.Method;
        List<string>? List(string name) => target[name] is { } v ? [.. v.Split(',')] : null;
        int? Int(string name) => target[name] is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        bool? Bool(string name) => target[name] is { } v ? bool.Parse(v) : null;
        IReadOnlyDictionary<string, string>? Variables() => request.Body.Length == 0
            ? null
            : JsonSerializer.Deserialize(request.Body, AriJsonContext.Default.AriVariablesBody)!.Variables;
        AriRecordRequest Record() => new()
        {
            Name = target["name"]!,
            Format = target["format"]!,
            IfExists = target["ifExists"],
            Beep = Bool("beep"),
            MaxDurationSeconds = Int("maxDurationSeconds"),
            MaxSilenceSeconds = Int("maxSilenceSeconds"),
            TerminateOn = target["terminateOn"],
        };

        switch (method, s)
        {
            case ("GET", ["asterisk", "info"]):
                return await rest.GetAsteriskInfoAsync(ct, List("only") ?? []);
            case ("GET", ["asterisk", "ping"]):
                return await rest.PingAsync(ct);
            case ("GET", ["channels"]):
                return await rest.ListChannelsAsync(ct);
            case ("POST", ["channels"]):
                return await rest.OriginateAsync(
                    new AriOriginateRequest
                    {
                        Endpoint = target["endpoint"] ?? string.Empty,
                        App = target["app"],
                        AppArgs = List("appArgs"),
                        CallerId = target["callerId"],
                        TimeoutSeconds = Int("timeout"),
                        ChannelId = target["channelId"],
                        OtherChannelId = target["otherChannelId"],
                        Context = target["context"],
                        Extension = target["extension"],
                        Variables = Variables(),
                    },
                    ct);
            case ("POST", ["channels", "create"]):
                return await rest.CreateChannelAsync(
                    new AriCreateChannelRequest
                    {
                        Endpoint = target["endpoint"]!,
                        App = target["app"]!,
                        AppArgs = List("appArgs"),
                        ChannelId = target["channelId"],
                        OtherChannelId = target["otherChannelId"],
                        Variables = Variables(),
                    },
                    ct);
            case ("GET", ["channels", var id]):
                return await rest.GetChannelAsync(id, ct);
            case ("DELETE", ["channels", var id]):
                await rest.HangupChannelAsync(id, Int("reason_code"), target["reason"], ct);
                return null;
            case ("POST", ["channels", var id, "dial"]):
                await rest.DialAsync(id, target["caller"], Int("timeout"), ct);
                return null;
            case ("POST", ["channels", var id, "play"]):
                return await rest.PlayAsync(id, target["media"]!, target["playbackId"], ct, target["lang"]);
            case ("POST", ["channels", var id, "continue"]):
                await rest.ContinueInDialplanAsync(id, target["context"], target["extension"], Int("priority"), target["label"], ct);
                return null;
            case ("GET", ["channels", var id, "variable"]):
                return await rest.GetVariableAsync(id, target["variable"]!, ct);
            case ("POST", ["bridges"]):
                return await rest.CreateBridgeAsync(
                    target["type"] == "holding" ? AriBridgeType.Holding : AriBridgeType.Mixing, target["bridgeId"], target["name"], ct);
            case ("GET", ["bridges"]):
                return await rest.ListBridgesAsync(ct);
            case ("GET", ["bridges", var id]):
                return await rest.GetBridgeAsync(id, ct);
            case ("DELETE", ["bridges", var id]):
                await rest.DestroyBridgeAsync(id, ct);
                return null;
            case ("POST", ["bridges", var id, "addChannel"]):
                await rest.AddChannelsToBridgeAsync(id, List("channel")!, ct);
                return null;
            case ("POST", ["bridges", var id, "record"]):
                return await rest.RecordBridgeAsync(id, Record(), ct);
            case ("GET", ["recordings", "live", var name]):
                return await rest.GetLiveRecordingAsync(name, ct);
            case ("POST", ["recordings", "live", var name, "stop"]):
                await rest.StopLiveRecordingAsync(name, ct);
                return null;
            case ("GET", ["recordings", "stored"]):
                return await rest.ListStoredRecordingsAsync(ct);
            case ("GET", ["recordings", "stored", var name]):
                return await rest.GetStoredRecordingAsync(name, ct);
            case ("DELETE", ["recordings", "stored", var name]):
                await rest.DeleteStoredRecordingAsync(name, ct);
                return null;
            case ("GET", ["applications"]):
                return await rest.ListApplicationsAsync(ct);
            case ("GET", ["applications", var name]):
                return await rest.GetApplicationAsync(name, ct);
            case ("POST", ["applications", var name, "subscription"]):
                return await rest.SubscribeAsync(name, List("eventSource")!, ct);
            case ("GET", ["endpoints"]):
                return await rest.ListEndpointsAsync(ct);
            case ("GET", ["sounds", var id]):
                return await rest.GetSoundAsync(id, ct);
            case ("GET", _):
                return await rest.GetJsonAsync(target.AriPath, ct);
            default:
                throw new InvalidOperationException($"No typed call for {method} {request.Target}");
        }
    }

    /// <summary>The typed model a successful response of <paramref name="request"/> reads into (null: no body expected).</summary>
    public static JsonTypeInfo? ResponseType(HttpMessage request)
    {
        var c = AriJsonContext.Default;
        return (request.Method, RequestTarget.Parse(request.Target).Segments) switch
        {
            ("GET", ["asterisk", "info"]) => c.AriAsteriskInfo,
            ("GET", ["asterisk", "ping"]) => c.AriAsteriskPing,
            ("GET", ["channels"]) => c.ListAriChannel,
            ("POST", ["channels"]) or ("POST", ["channels", "create"]) or ("GET", ["channels", _]) => c.AriChannel,
            ("POST", ["channels", _, "play"]) => c.AriPlayback,
            ("GET", ["channels", _, "variable"]) => c.AriVariable,
            ("POST", ["bridges"]) or ("GET", ["bridges", _]) => c.AriBridge,
            ("GET", ["bridges"]) => c.ListAriBridge,
            ("POST", ["bridges", _, "record"]) or ("GET", ["recordings", "live", _]) => c.AriLiveRecording,
            ("GET", ["recordings", "stored"]) => c.ListAriStoredRecording,
            ("GET", ["recordings", "stored", _]) => c.AriStoredRecording,
            ("GET", ["applications"]) => c.ListAriApplication,
            ("GET", ["applications", _]) or ("POST", ["applications", _, "subscription"]) => c.AriApplication,
            ("GET", ["endpoints"]) => c.ListAriEndpoint,
            ("GET", ["sounds", _]) => c.AriSound,
            _ => null,
        };
    }

    /// <summary>Checks a typed result against the recorded response body: every recorded field was read.</summary>
    public static void AssertCovers(HttpMessage response, object? result)
    {
        if (result is null)
        {
            Assert.Empty(response.Body);
            return;
        }

        using var recorded = JsonDocument.Parse(response.Body);
        switch (result)
        {
            case string value:
                Assert.Equal(recorded.RootElement.GetProperty("value").GetString(), value);
                break;
            case JsonElement element:
                JsonAssert.Covers(recorded.RootElement, element);
                break;
            default:
                JsonAssert.Covers(recorded.RootElement, JsonSerializer.SerializeToElement(result, result.GetType(), AriJsonContext.Default));
                break;
        }
    }
}
