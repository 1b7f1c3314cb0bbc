using Orchestrator.Protocols.Ari.Json;
using Orchestrator.Protocols.Ari.Models;

namespace Orchestrator.Protocols.Ari.Rest;

public sealed partial class AriRestClient
{
    /// <summary>GET /channels: every live channel (the resync after a reconnect starts here).</summary>
    public async Task<IReadOnlyList<AriChannel>> ListChannelsAsync(CancellationToken cancellationToken) =>
        await GetAsync("channels", AriJsonContext.Default.ListAriChannel, cancellationToken);

    /// <summary>GET /channels/{id}.</summary>
    public Task<AriChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken) =>
        GetAsync($"channels/{AriQuery.Segment(channelId)}", AriJsonContext.Default.AriChannel, cancellationToken);

    /// <summary>
    /// POST /channels: originate. Never retried: if the response is lost this throws
    /// <see cref="AriOutcomeUnknownException"/> and the call may exist — look it up by <see cref="AriOriginateRequest.ChannelId"/>.
    /// </summary>
    public Task<AriChannel> OriginateAsync(AriOriginateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = AriQuery.For("channels")
            .Add("endpoint", NullIfEmpty(request.Endpoint))
            .Add("extension", request.Extension)
            .Add("context", request.Context)
            .Add("priority", request.Priority)
            .Add("label", request.Label)
            .Add("app", request.App)
            .Add("appArgs", request.AppArgs)
            .Add("callerId", request.CallerId)
            .Add("timeout", request.TimeoutSeconds)
            .Add("channelId", request.ChannelId)
            .Add("otherChannelId", request.OtherChannelId)
            .Add("originator", request.Originator)
            .Add("formats", request.Formats);
        return PostAsync(path.ToString(), VariablesBody(request.Variables), AriJsonContext.Default.AriChannel, cancellationToken);
    }

    /// <summary>POST /channels/create: a channel in the app, not yet dialed (StasisStart comes at once). Never retried.</summary>
    public Task<AriChannel> CreateChannelAsync(AriCreateChannelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = AriQuery.For("channels/create")
            .Add("endpoint", NullIfEmpty(request.Endpoint))
            .Add("app", request.App)
            .Add("appArgs", request.AppArgs)
            .Add("channelId", request.ChannelId)
            .Add("otherChannelId", request.OtherChannelId)
            .Add("originator", request.Originator)
            .Add("formats", request.Formats);
        return PostAsync(path.ToString(), VariablesBody(request.Variables), AriJsonContext.Default.AriChannel, cancellationToken);
    }

    /// <summary>POST /channels/{id}/dial: dial a created channel; progress arrives as Dial events.</summary>
    public Task DialAsync(string channelId, string? caller, int? timeoutSeconds, CancellationToken cancellationToken) =>
        PostAsync(
            AriQuery.For($"channels/{AriQuery.Segment(channelId)}/dial").Add("caller", caller).Add("timeout", timeoutSeconds).ToString(),
            cancellationToken);

    /// <summary>
    /// DELETE /channels/{id}: hang up, with a Q.850 <paramref name="reasonCode"/> (e.g. 16) or a named
    /// <paramref name="reason"/> (normal, busy, congestion, no_answer, ...), not both. Retried on transient
    /// failures: hanging up twice is harmless, so a 404 after a lost response means the channel is gone.
    /// </summary>
    public Task HangupChannelAsync(string channelId, int? reasonCode, string? reason, CancellationToken cancellationToken)
    {
        if (reasonCode is not null && reason is not null)
        {
            throw new ArgumentException("Give reason_code or reason, not both: Asterisk rejects the pair.", nameof(reason));
        }

        return DeleteAsync(
            AriQuery.For($"channels/{AriQuery.Segment(channelId)}").Add("reason_code", reasonCode).Add("reason", reason).ToString(),
            retryable: true,
            cancellationToken);
    }

    /// <summary>POST /channels/{id}/answer.</summary>
    public Task AnswerAsync(string channelId, CancellationToken cancellationToken) =>
        PostAsync($"channels/{AriQuery.Segment(channelId)}/answer", cancellationToken);

    /// <summary>POST /channels/{id}/continue: leave the app and go on in the dialplan (StasisEnd follows).</summary>
    public Task ContinueInDialplanAsync(string channelId, string? context, string? extension, long? priority, string? label, CancellationToken cancellationToken) =>
        PostAsync(
            AriQuery.For($"channels/{AriQuery.Segment(channelId)}/continue")
                .Add("context", context).Add("extension", extension).Add("priority", priority).Add("label", label).ToString(),
            cancellationToken);

    /// <summary>POST /channels/{id}/redirect: send the channel to another endpoint (transfer).</summary>
    public Task RedirectAsync(string channelId, string endpoint, CancellationToken cancellationToken) =>
        PostAsync(AriQuery.For($"channels/{AriQuery.Segment(channelId)}/redirect").Add("endpoint", endpoint).ToString(), cancellationToken);

    /// <summary>POST /channels/{id}/play: play <paramref name="media"/> (e.g. <c>sound:hello-world</c>); PlaybackStarted/Finished follow.</summary>
    public Task<AriPlayback> PlayAsync(
        string channelId,
        string media,
        string? playbackId,
        CancellationToken cancellationToken,
        string? language = null,
        int? offsetMs = null,
        int? skipMs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(media);
        var path = AriQuery.For($"channels/{AriQuery.Segment(channelId)}/play")
            .Add("media", media)
            .Add("lang", language)
            .Add("offsetms", offsetMs)
            .Add("skipms", skipMs)
            .Add("playbackId", playbackId);
        return PostAsync(path.ToString(), null, AriJsonContext.Default.AriPlayback, cancellationToken);
    }

    /// <summary>POST /channels/{id}/record: record the channel; RecordingStarted/Finished follow.</summary>
    public Task<AriLiveRecording> RecordChannelAsync(string channelId, AriRecordRequest request, CancellationToken cancellationToken) =>
        PostAsync(RecordPath($"channels/{AriQuery.Segment(channelId)}/record", request), null, AriJsonContext.Default.AriLiveRecording, cancellationToken);

    /// <summary>POST /channels/{id}/snoop: a new channel that spies on and/or whispers into this one.</summary>
    public Task<AriChannel> SnoopAsync(string channelId, AriSnoopRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = AriQuery.For($"channels/{AriQuery.Segment(channelId)}/snoop")
            .Add("spy", request.Spy)
            .Add("whisper", request.Whisper)
            .Add("app", request.App)
            .Add("appArgs", request.AppArgs)
            .Add("snoopId", request.SnoopId);
        return PostAsync(path.ToString(), null, AriJsonContext.Default.AriChannel, cancellationToken);
    }

    /// <summary>GET /channels/{id}/variable: the value (null if Asterisk sent none); 404 if the variable or channel does not exist.</summary>
    public async Task<string?> GetVariableAsync(string channelId, string variable, CancellationToken cancellationToken) =>
        (await GetAsync(
            AriQuery.For($"channels/{AriQuery.Segment(channelId)}/variable").Add("variable", variable).ToString(),
            AriJsonContext.Default.AriVariable,
            cancellationToken)).Value;

    /// <summary>POST /channels/{id}/variable.</summary>
    public Task SetVariableAsync(string channelId, string variable, string? value, CancellationToken cancellationToken) =>
        PostAsync(
            AriQuery.For($"channels/{AriQuery.Segment(channelId)}/variable").Add("variable", variable).Add("value", value).ToString(),
            cancellationToken);

    private static string RecordPath(string path, AriRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AriQuery.For(path)
            .Add("name", request.Name)
            .Add("format", request.Format)
            .Add("maxDurationSeconds", request.MaxDurationSeconds)
            .Add("maxSilenceSeconds", request.MaxSilenceSeconds)
            .Add("ifExists", request.IfExists)
            .Add("beep", request.Beep)
            .Add("terminateOn", request.TerminateOn)
            .ToString();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
