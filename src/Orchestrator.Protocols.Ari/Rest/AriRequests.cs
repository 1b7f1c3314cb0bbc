namespace Orchestrator.Protocols.Ari.Rest;

/// <summary>
/// <c>POST /channels</c>: originate a call. With <see cref="App"/> the answered channel enters the Stasis app
/// (StasisStart only on answer); with <see cref="Context"/>/<see cref="Extension"/> it goes to the dialplan.
/// </summary>
public sealed record AriOriginateRequest
{
    /// <summary>The dial string, e.g. <c>PJSIP/agent1001</c> or <c>Local/5551230@sim-customers</c>.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The Stasis application to enter on answer (usually <see cref="AriClientOptions.Application"/>).</summary>
    public string? App { get; init; }

    /// <summary>Arguments for StasisStart (<c>appArgs</c>, sent comma-separated).</summary>
    public IReadOnlyList<string>? AppArgs { get; init; }

    public string? Context { get; init; }

    public string? Extension { get; init; }

    public long? Priority { get; init; }

    public string? Label { get; init; }

    /// <summary>Caller id, e.g. <c>"Campaign 7" &lt;5550001&gt;</c>.</summary>
    public string? CallerId { get; init; }

    /// <summary>Seconds to wait for an answer (Asterisk's default is 30; -1 waits forever).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The id of the new channel (its Uniqueid): choose it to correlate without waiting for the response.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The id of the other half of a Local channel (<c>;2</c>).</summary>
    public string? OtherChannelId { get; init; }

    /// <summary>The channel that is "originating" this call (for linkedid and codecs).</summary>
    public string? Originator { get; init; }

    /// <summary>Comma-separated codecs, e.g. <c>ulaw,alaw</c>.</summary>
    public string? Formats { get; init; }

    /// <summary>Channel variables to set (sent as the JSON body <c>{"variables": {...}}</c>).</summary>
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

/// <summary><c>POST /channels/create</c>: create a channel in the app without dialing it (StasisStart comes at once); then <c>dial</c>.</summary>
public sealed record AriCreateChannelRequest
{
    public required string Endpoint { get; init; }

    /// <summary>The Stasis application (required by Asterisk).</summary>
    public required string App { get; init; }

    public IReadOnlyList<string>? AppArgs { get; init; }

    public string? ChannelId { get; init; }

    public string? OtherChannelId { get; init; }

    public string? Originator { get; init; }

    public string? Formats { get; init; }

    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

/// <summary><c>POST /channels/{id}/record</c> or <c>/bridges/{id}/record</c>.</summary>
public sealed record AriRecordRequest
{
    /// <summary>The recording name (file name without extension, relative to the <c>recording/</c> spool folder).</summary>
    public required string Name { get; init; }

    /// <summary>The file format, e.g. <c>wav</c>.</summary>
    public required string Format { get; init; }

    public int? MaxDurationSeconds { get; init; }

    public int? MaxSilenceSeconds { get; init; }

    /// <summary><c>fail</c> (Asterisk's default), <c>overwrite</c> or <c>append</c>.</summary>
    public string? IfExists { get; init; }

    public bool? Beep { get; init; }

    /// <summary>A DTMF digit that ends the recording: none, any, *, #.</summary>
    public string? TerminateOn { get; init; }
}

/// <summary><c>POST /channels/{id}/snoop</c>: a channel that listens to and/or whispers into another (supervisor barge).</summary>
public sealed record AriSnoopRequest
{
    /// <summary>The Stasis application the snoop channel enters.</summary>
    public required string App { get; init; }

    /// <summary>none, both, out, in.</summary>
    public string? Spy { get; init; }

    /// <summary>none, both, out, in.</summary>
    public string? Whisper { get; init; }

    public IReadOnlyList<string>? AppArgs { get; init; }

    public string? SnoopId { get; init; }
}
