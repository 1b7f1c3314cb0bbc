using System.Text.Json.Serialization;
using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Protocols.Ari.Models;

namespace Orchestrator.Protocols.Ari.Json;

/// <summary>
/// Source-generated (reflection-free) JSON for every ARI object the client reads or writes. Wire names are
/// snake_case; unknown fields are ignored, numbers sent as strings are accepted, and time stamps use
/// <see cref="AriTimestampConverter"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(AriTimestampConverter)])]
[JsonSerializable(typeof(AriChannel))]
[JsonSerializable(typeof(List<AriChannel>))]
[JsonSerializable(typeof(AriBridge))]
[JsonSerializable(typeof(List<AriBridge>))]
[JsonSerializable(typeof(AriPlayback))]
[JsonSerializable(typeof(AriLiveRecording))]
[JsonSerializable(typeof(AriStoredRecording))]
[JsonSerializable(typeof(List<AriStoredRecording>))]
[JsonSerializable(typeof(AriSound))]
[JsonSerializable(typeof(AriAsteriskInfo))]
[JsonSerializable(typeof(AriAsteriskPing))]
[JsonSerializable(typeof(AriApplication))]
[JsonSerializable(typeof(List<AriApplication>))]
[JsonSerializable(typeof(AriEndpoint))]
[JsonSerializable(typeof(List<AriEndpoint>))]
[JsonSerializable(typeof(AriVariable))]
[JsonSerializable(typeof(AriErrorBody))]
[JsonSerializable(typeof(AriVariablesBody))]
[JsonSerializable(typeof(StasisStartEvent))]
[JsonSerializable(typeof(StasisEndEvent))]
[JsonSerializable(typeof(ChannelCreatedEvent))]
[JsonSerializable(typeof(ChannelStateChangeEvent))]
[JsonSerializable(typeof(ChannelDestroyedEvent))]
[JsonSerializable(typeof(ChannelHangupRequestEvent))]
[JsonSerializable(typeof(DialEvent))]
[JsonSerializable(typeof(ChannelVarsetEvent))]
[JsonSerializable(typeof(ChannelDtmfReceivedEvent))]
[JsonSerializable(typeof(ChannelEnteredBridgeEvent))]
[JsonSerializable(typeof(ChannelLeftBridgeEvent))]
[JsonSerializable(typeof(BridgeCreatedEvent))]
[JsonSerializable(typeof(BridgeDestroyedEvent))]
[JsonSerializable(typeof(PlaybackStartedEvent))]
[JsonSerializable(typeof(PlaybackFinishedEvent))]
[JsonSerializable(typeof(RecordingStartedEvent))]
[JsonSerializable(typeof(RecordingFinishedEvent))]
[JsonSerializable(typeof(RecordingFailedEvent))]
public sealed partial class AriJsonContext : JsonSerializerContext;

/// <summary>The JSON body of originate/create/setVariable-style requests: <c>{"variables": {...}}</c>.</summary>
public sealed record AriVariablesBody
{
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
