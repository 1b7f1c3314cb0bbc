using System.Text.Json.Serialization;

namespace Orchestrator.Protocols.Ari.Models;

/// <summary>A bridge snapshot (ARI <c>Bridge</c>).</summary>
public sealed record AriBridge
{
    public string Id { get; init; } = string.Empty;

    /// <summary>The bridging technology in use, e.g. <c>simple_bridge</c>, <c>softmix</c>.</summary>
    public string? Technology { get; init; }

    /// <summary>mixing, holding, dtmf_events, proxy_media, video_sfu, video_single.</summary>
    [JsonPropertyName("bridge_type")]
    public string? BridgeType { get; init; }

    [JsonPropertyName("bridge_class")]
    public string? BridgeClass { get; init; }

    public string? Creator { get; init; }

    public string? Name { get; init; }

    /// <summary>Ids of the channels in the bridge.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    [JsonPropertyName("creationtime")]
    public DateTimeOffset? CreationTime { get; init; }

    [JsonPropertyName("video_mode")]
    public string? VideoMode { get; init; }

    [JsonPropertyName("video_source_id")]
    public string? VideoSourceId { get; init; }
}

/// <summary>The kinds of bridge an outbound dialer creates.</summary>
public enum AriBridgeType
{
    /// <summary>Media mixes between the channels (customer to agent).</summary>
    Mixing,

    /// <summary>Channels hear music on hold or an announcer, not each other (a customer waiting for an agent).</summary>
    Holding,
}
