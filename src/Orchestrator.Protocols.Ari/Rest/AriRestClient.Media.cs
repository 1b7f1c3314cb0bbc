using Orchestrator.Protocols.Ari.Json;
using Orchestrator.Protocols.Ari.Models;

namespace Orchestrator.Protocols.Ari.Rest;

public sealed partial class AriRestClient
{
    /// <summary>GET /playbacks/{id}.</summary>
    public Task<AriPlayback> GetPlaybackAsync(string playbackId, CancellationToken cancellationToken) =>
        GetAsync($"playbacks/{AriQuery.Segment(playbackId)}", AriJsonContext.Default.AriPlayback, cancellationToken);

    /// <summary>DELETE /playbacks/{id}: stop a playback (PlaybackFinished follows).</summary>
    public Task StopPlaybackAsync(string playbackId, CancellationToken cancellationToken) =>
        DeleteAsync($"playbacks/{AriQuery.Segment(playbackId)}", retryable: false, cancellationToken);

    /// <summary>GET /recordings/live/{name}.</summary>
    public Task<AriLiveRecording> GetLiveRecordingAsync(string name, CancellationToken cancellationToken) =>
        GetAsync($"recordings/live/{AriQuery.Segment(name)}", AriJsonContext.Default.AriLiveRecording, cancellationToken);

    /// <summary>POST /recordings/live/{name}/stop: stop and keep the file (RecordingFinished follows).</summary>
    public Task StopLiveRecordingAsync(string name, CancellationToken cancellationToken) =>
        PostAsync($"recordings/live/{AriQuery.Segment(name)}/stop", cancellationToken);

    /// <summary>DELETE /recordings/live/{name}: stop and discard the file.</summary>
    public Task CancelLiveRecordingAsync(string name, CancellationToken cancellationToken) =>
        DeleteAsync($"recordings/live/{AriQuery.Segment(name)}", retryable: false, cancellationToken);

    /// <summary>GET /recordings/stored: the files in the <c>recording/</c> spool folder (names without extension).</summary>
    public async Task<IReadOnlyList<AriStoredRecording>> ListStoredRecordingsAsync(CancellationToken cancellationToken) =>
        await GetAsync("recordings/stored", AriJsonContext.Default.ListAriStoredRecording, cancellationToken);

    /// <summary>GET /recordings/stored/{name}.</summary>
    public Task<AriStoredRecording> GetStoredRecordingAsync(string name, CancellationToken cancellationToken) =>
        GetAsync($"recordings/stored/{AriQuery.Segment(name)}", AriJsonContext.Default.AriStoredRecording, cancellationToken);

    /// <summary>DELETE /recordings/stored/{name}.</summary>
    public Task DeleteStoredRecordingAsync(string name, CancellationToken cancellationToken) =>
        DeleteAsync($"recordings/stored/{AriQuery.Segment(name)}", retryable: false, cancellationToken);
}
