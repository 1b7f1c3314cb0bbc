using System.Text.Json.Serialization;

namespace Orchestrator.Protocols.Ari.Models;

/// <summary>A playback (ARI <c>Playback</c>).</summary>
public sealed record AriPlayback
{
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("media_uri")]
    public string? MediaUri { get; init; }

    [JsonPropertyName("next_media_uri")]
    public string? NextMediaUri { get; init; }

    /// <summary><c>channel:&lt;id&gt;</c> or <c>bridge:&lt;id&gt;</c>.</summary>
    [JsonPropertyName("target_uri")]
    public string? TargetUri { get; init; }

    public string? Language { get; init; }

    /// <summary>queued, playing, continuing, done, failed.</summary>
    public string? State { get; init; }
}

/// <summary>A recording in progress or just finished (ARI <c>LiveRecording</c>).</summary>
public sealed record AriLiveRecording
{
    public string Name { get; init; } = string.Empty;

    public string? Format { get; init; }

    /// <summary>queued, recording, paused, done, failed, canceled.</summary>
    public string? State { get; init; }

    [JsonPropertyName("target_uri")]
    public string? TargetUri { get; init; }

    /// <summary>Seconds recorded (present once finished).</summary>
    public long? Duration { get; init; }

    [JsonPropertyName("talking_duration")]
    public long? TalkingDuration { get; init; }

    [JsonPropertyName("silence_duration")]
    public long? SilenceDuration { get; init; }

    /// <summary>Why the recording failed, when it did.</summary>
    public string? Cause { get; init; }
}

/// <summary>A recording file in Asterisk's <c>recording/</c> spool folder (ARI <c>StoredRecording</c>).</summary>
public sealed record AriStoredRecording
{
    /// <summary>The name, without extension.</summary>
    public string Name { get; init; } = string.Empty;

    public string? Format { get; init; }
}

/// <summary>A sound file known to Asterisk (ARI <c>Sound</c>).</summary>
public sealed record AriSound
{
    public string Id { get; init; } = string.Empty;

    public string? Text { get; init; }

    public IReadOnlyList<AriSoundFormat> Formats { get; init; } = [];
}

/// <summary>One language/format a sound exists in.</summary>
public sealed record AriSoundFormat
{
    public string Language { get; init; } = string.Empty;

    public string Format { get; init; } = string.Empty;
}
