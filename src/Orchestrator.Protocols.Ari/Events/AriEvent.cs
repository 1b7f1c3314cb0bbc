using System.Text.Json;
using Orchestrator.Protocols.Ari.Json;

namespace Orchestrator.Protocols.Ari.Events;

/// <summary>
/// One ARI event as Asterisk sent it: the common fields, the whole JSON object, and (for the types a
/// dialer uses) a typed <see cref="View"/>. Unknown types are delivered too, with a null view.
/// </summary>
public sealed class AriEvent
{
    private static readonly object NoView = new();
    private object? _view;

    public AriEvent(string type, DateTimeOffset? timestamp, string? application, string? asteriskId, JsonElement json)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        Type = type;
        Timestamp = timestamp;
        Application = application;
        AsteriskId = asteriskId;
        Json = json;
    }

    /// <summary>The event type, e.g. <c>StasisStart</c>.</summary>
    public string Type { get; }

    /// <summary>When Asterisk raised the event; null if the time stamp was missing or unreadable.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>The Stasis application the event was delivered to.</summary>
    public string? Application { get; }

    /// <summary>The Asterisk entity id (the same for every event of one Asterisk; a cluster tells its nodes apart by it).</summary>
    public string? AsteriskId { get; }

    /// <summary>The whole event object (owned; valid for the event's lifetime).</summary>
    public JsonElement Json { get; }

    /// <summary>The connection generation that delivered the event (0 when parsed outside a client).</summary>
    public long Generation { get; internal set; }

    /// <summary>
    /// The typed view (<see cref="StasisStartEvent"/>, <see cref="DialEvent"/>, ...), read on first use;
    /// null for types without a view, or when a field has a shape the view cannot read.
    /// </summary>
    public AriEventView? View
    {
        get
        {
            var view = Volatile.Read(ref _view);
            if (view is null)
            {
                // Deterministic: two threads racing here compute equal views, so no lock is needed.
                view = ReadView(Type, Json) ?? NoView;
                Volatile.Write(ref _view, view);
            }

            return view as AriEventView;
        }
    }

    /// <summary>The view as <typeparamref name="T"/>, or null when the event is of another type.</summary>
    public T? As<T>()
        where T : AriEventView => View as T;

    public override string ToString() => $"{Type} {(Timestamp is { } at ? AriTimestamp.Format(at) : "(no timestamp)")}";

    private static AriEventView? ReadView(string type, JsonElement json)
    {
        var context = AriJsonContext.Default;
        try
        {
            return type switch
            {
                AriEventTypes.StasisStart => json.Deserialize(context.StasisStartEvent),
                AriEventTypes.StasisEnd => json.Deserialize(context.StasisEndEvent),
                AriEventTypes.ChannelCreated => json.Deserialize(context.ChannelCreatedEvent),
                AriEventTypes.ChannelStateChange => json.Deserialize(context.ChannelStateChangeEvent),
                AriEventTypes.ChannelDestroyed => json.Deserialize(context.ChannelDestroyedEvent),
                AriEventTypes.ChannelHangupRequest => json.Deserialize(context.ChannelHangupRequestEvent),
                AriEventTypes.Dial => json.Deserialize(context.DialEvent),
                AriEventTypes.ChannelVarset => json.Deserialize(context.ChannelVarsetEvent),
                AriEventTypes.ChannelDtmfReceived => json.Deserialize(context.ChannelDtmfReceivedEvent),
                AriEventTypes.ChannelEnteredBridge => json.Deserialize(context.ChannelEnteredBridgeEvent),
                AriEventTypes.ChannelLeftBridge => json.Deserialize(context.ChannelLeftBridgeEvent),
                AriEventTypes.BridgeCreated => json.Deserialize(context.BridgeCreatedEvent),
                AriEventTypes.BridgeDestroyed => json.Deserialize(context.BridgeDestroyedEvent),
                AriEventTypes.PlaybackStarted => json.Deserialize(context.PlaybackStartedEvent),
                AriEventTypes.PlaybackFinished => json.Deserialize(context.PlaybackFinishedEvent),
                AriEventTypes.RecordingStarted => json.Deserialize(context.RecordingStartedEvent),
                AriEventTypes.RecordingFinished => json.Deserialize(context.RecordingFinishedEvent),
                AriEventTypes.RecordingFailed => json.Deserialize(context.RecordingFailedEvent),
                _ => null,
            };
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
        {
            // A field of an unexpected shape: the generic event (Json) still carries everything.
            return null;
        }
    }
}
