using Orchestrator.Protocols.Ari.Json;
using Orchestrator.Protocols.Ari.Models;

namespace Orchestrator.Protocols.Ari.Rest;

public sealed partial class AriRestClient
{
    /// <summary>POST /bridges: create a bridge (choose <paramref name="bridgeId"/> to find it again after a reconnect).</summary>
    public Task<AriBridge> CreateBridgeAsync(AriBridgeType type, string? bridgeId, string? name, CancellationToken cancellationToken) =>
        PostAsync(
            AriQuery.For("bridges").Add("type", type == AriBridgeType.Holding ? "holding" : "mixing").Add("bridgeId", bridgeId).Add("name", name).ToString(),
            null,
            AriJsonContext.Default.AriBridge,
            cancellationToken);

    /// <summary>GET /bridges.</summary>
    public async Task<IReadOnlyList<AriBridge>> ListBridgesAsync(CancellationToken cancellationToken) =>
        await GetAsync("bridges", AriJsonContext.Default.ListAriBridge, cancellationToken);

    /// <summary>GET /bridges/{id}.</summary>
    public Task<AriBridge> GetBridgeAsync(string bridgeId, CancellationToken cancellationToken) =>
        GetAsync($"bridges/{AriQuery.Segment(bridgeId)}", AriJsonContext.Default.AriBridge, cancellationToken);

    /// <summary>POST /bridges/{id}/addChannel: 400 "Channel not found" if a channel is not in the app.</summary>
    public Task AddChannelsToBridgeAsync(string bridgeId, IReadOnlyList<string> channelIds, CancellationToken cancellationToken, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        ArgumentOutOfRangeException.ThrowIfZero(channelIds.Count);
        return PostAsync(AriQuery.For($"bridges/{AriQuery.Segment(bridgeId)}/addChannel").Add("channel", channelIds).Add("role", role).ToString(), cancellationToken);
    }

    /// <summary>POST /bridges/{id}/removeChannel.</summary>
    public Task RemoveChannelsFromBridgeAsync(string bridgeId, IReadOnlyList<string> channelIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        ArgumentOutOfRangeException.ThrowIfZero(channelIds.Count);
        return PostAsync(AriQuery.For($"bridges/{AriQuery.Segment(bridgeId)}/removeChannel").Add("channel", channelIds).ToString(), cancellationToken);
    }

    /// <summary>POST /bridges/{id}/record: record the mixed audio of the bridge.</summary>
    public Task<AriLiveRecording> RecordBridgeAsync(string bridgeId, AriRecordRequest request, CancellationToken cancellationToken) =>
        PostAsync(RecordPath($"bridges/{AriQuery.Segment(bridgeId)}/record", request), null, AriJsonContext.Default.AriLiveRecording, cancellationToken);

    /// <summary>POST /bridges/{id}/play: play media to every channel in the bridge.</summary>
    public Task<AriPlayback> PlayToBridgeAsync(string bridgeId, string media, string? playbackId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(media);
        return PostAsync(
            AriQuery.For($"bridges/{AriQuery.Segment(bridgeId)}/play").Add("media", media).Add("playbackId", playbackId).ToString(),
            null,
            AriJsonContext.Default.AriPlayback,
            cancellationToken);
    }

    /// <summary>DELETE /bridges/{id}: destroy the bridge (its channels stay up). Not retried: a second DELETE answers 404.</summary>
    public Task DestroyBridgeAsync(string bridgeId, CancellationToken cancellationToken) =>
        DeleteAsync($"bridges/{AriQuery.Segment(bridgeId)}", retryable: false, cancellationToken);
}
