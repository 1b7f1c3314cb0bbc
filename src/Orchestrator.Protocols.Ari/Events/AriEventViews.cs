using System.Text.Json.Serialization;
using Orchestrator.Protocols.Ari.Models;

namespace Orchestrator.Protocols.Ari.Events;

/// <summary>
/// A typed view of an <see cref="AriEvent"/>, read from its JSON on first use. Fields Asterisk did not
/// send are null (or empty); a view never invents a value.
/// </summary>
public abstract record AriEventView
{
    public string Type { get; init; } = string.Empty;

    public DateTimeOffset? Timestamp { get; init; }

    public string? Application { get; init; }

    [JsonPropertyName("asterisk_id")]
    public string? AsteriskId { get; init; }
}

/// <summary>An event about one channel.</summary>
public abstract record AriChannelEventView : AriEventView
{
    public AriChannel? Channel { get; init; }
}

/// <summary>The channel entered the application: answered after <c>POST /channels</c>, at once after <c>/channels/create</c>, or by <c>Stasis()</c> in the dialplan.</summary>
public sealed record StasisStartEvent : AriChannelEventView
{
    /// <summary>The <c>appArgs</c> (or the <c>Stasis()</c> arguments after the app name).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    [JsonPropertyName("replace_channel")]
    public AriChannel? ReplaceChannel { get; init; }
}

/// <summary>The channel left the application (hung up, or sent back to the dialplan with continue).</summary>
public sealed record StasisEndEvent : AriChannelEventView;

/// <summary>A channel came into being (only for channels the application is subscribed to).</summary>
public sealed record ChannelCreatedEvent : AriChannelEventView;

/// <summary>The channel's state changed (<see cref="AriChannel.State"/>: Ringing, Up, ...).</summary>
public sealed record ChannelStateChangeEvent : AriChannelEventView;

/// <summary>The channel is gone; <see cref="Cause"/> is the Q.850 hangup cause.</summary>
public sealed record ChannelDestroyedEvent : AriChannelEventView
{
    public int Cause { get; init; }

    /// <summary>The cause as text, e.g. <c>Normal Clearing</c>, <c>User busy</c>.</summary>
    [JsonPropertyName("cause_txt")]
    public string? CauseText { get; init; }
}

/// <summary>Someone asked the channel to hang up (<c>soft</c> when it was asked, e.g. by DELETE, rather than hung up at once).</summary>
public sealed record ChannelHangupRequestEvent : AriChannelEventView
{
    public int? Cause { get; init; }

    public bool? Soft { get; init; }
}

/// <summary>Dial progress of <see cref="Peer"/>: <see cref="DialStatus"/> "" (started), RINGING, ANSWER, BUSY, NOANSWER, CONGESTION, CHANUNAVAIL, CANCEL, ...</summary>
public sealed record DialEvent : AriEventView
{
    /// <summary>The calling channel; absent when the dial was not made by a channel (originate, /dial).</summary>
    public AriChannel? Caller { get; init; }

    /// <summary>The dialed channel.</summary>
    public AriChannel? Peer { get; init; }

    [JsonPropertyName("forwarded")]
    public AriChannel? Forwarded { get; init; }

    public string? Forward { get; init; }

    [JsonPropertyName("dialstring")]
    public string? DialString { get; init; }

    [JsonPropertyName("dialstatus")]
    public string? DialStatus { get; init; }
}

/// <summary>A variable was set (on <see cref="AriChannelEventView.Channel"/>, or globally when there is none).</summary>
public sealed record ChannelVarsetEvent : AriChannelEventView
{
    public string Variable { get; init; } = string.Empty;

    public string? Value { get; init; }
}

/// <summary>A DTMF digit was received on the channel.</summary>
public sealed record ChannelDtmfReceivedEvent : AriChannelEventView
{
    public string Digit { get; init; } = string.Empty;

    [JsonPropertyName("duration_ms")]
    public int? DurationMs { get; init; }
}

/// <summary>The channel entered <see cref="Bridge"/>.</summary>
public sealed record ChannelEnteredBridgeEvent : AriChannelEventView
{
    public AriBridge? Bridge { get; init; }
}

/// <summary>The channel left <see cref="Bridge"/>.</summary>
public sealed record ChannelLeftBridgeEvent : AriChannelEventView
{
    public AriBridge? Bridge { get; init; }
}

/// <summary>A bridge was created or destroyed.</summary>
public abstract record AriBridgeEventView : AriEventView
{
    public AriBridge? Bridge { get; init; }
}

public sealed record BridgeCreatedEvent : AriBridgeEventView;

public sealed record BridgeDestroyedEvent : AriBridgeEventView;

/// <summary>A playback changed state.</summary>
public abstract record AriPlaybackEventView : AriEventView
{
    public AriPlayback? Playback { get; init; }
}

public sealed record PlaybackStartedEvent : AriPlaybackEventView;

/// <summary>The playback ended; <see cref="AriPlayback.State"/> is <c>done</c> or <c>failed</c>.</summary>
public sealed record PlaybackFinishedEvent : AriPlaybackEventView;

/// <summary>A recording changed state.</summary>
public abstract record AriRecordingEventView : AriEventView
{
    public AriLiveRecording? Recording { get; init; }
}

public sealed record RecordingStartedEvent : AriRecordingEventView;

/// <summary>The recording ended; <see cref="AriLiveRecording.Duration"/> holds its length in seconds.</summary>
public sealed record RecordingFinishedEvent : AriRecordingEventView;

public sealed record RecordingFailedEvent : AriRecordingEventView;
