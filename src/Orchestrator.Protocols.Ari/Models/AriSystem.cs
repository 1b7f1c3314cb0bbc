using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Protocols.Ari.Models;

/// <summary>GET /asterisk/info (each part is null when filtered out with <c>only=</c>).</summary>
public sealed record AriAsteriskInfo
{
    public AriBuildInfo? Build { get; init; }

    public AriSystemInfo? System { get; init; }

    public AriConfigInfo? Config { get; init; }

    public AriStatusInfo? Status { get; init; }
}

public sealed record AriBuildInfo
{
    public string? Os { get; init; }

    public string? Kernel { get; init; }

    public string? Machine { get; init; }

    public string? Options { get; init; }

    /// <summary>Build date as Asterisk prints it (<c>2026-11-23 19:20:23 UTC</c>).</summary>
    public string? Date { get; init; }

    public string? User { get; init; }
}

public sealed record AriSystemInfo
{
    public string? Version { get; init; }

    [JsonPropertyName("entity_id")]
    public string? EntityId { get; init; }
}

public sealed record AriConfigInfo
{
    public string? Name { get; init; }

    [JsonPropertyName("default_language")]
    public string? DefaultLanguage { get; init; }

    [JsonPropertyName("max_channels")]
    public long? MaxChannels { get; init; }

    [JsonPropertyName("max_open_files")]
    public long? MaxOpenFiles { get; init; }

    [JsonPropertyName("max_load")]
    public double? MaxLoad { get; init; }

    public AriSetId? Setid { get; init; }
}

public sealed record AriSetId
{
    public string? User { get; init; }

    public string? Group { get; init; }
}

public sealed record AriStatusInfo
{
    /// <summary>When Asterisk started: a change of this value means Asterisk restarted.</summary>
    [JsonPropertyName("startup_time")]
    public DateTimeOffset? StartupTime { get; init; }

    [JsonPropertyName("last_reload_time")]
    public DateTimeOffset? LastReloadTime { get; init; }
}

/// <summary>GET /asterisk/ping.</summary>
public sealed record AriAsteriskPing
{
    /// <summary>Always <c>pong</c>.</summary>
    public string? Ping { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("asterisk_id")]
    public string? AsteriskId { get; init; }
}

/// <summary>A Stasis application (ARI <c>Application</c>).</summary>
public sealed record AriApplication
{
    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("channel_ids")]
    public IReadOnlyList<string> ChannelIds { get; init; } = [];

    [JsonPropertyName("bridge_ids")]
    public IReadOnlyList<string> BridgeIds { get; init; } = [];

    [JsonPropertyName("endpoint_ids")]
    public IReadOnlyList<string> EndpointIds { get; init; } = [];

    [JsonPropertyName("device_names")]
    public IReadOnlyList<string> DeviceNames { get; init; } = [];

    /// <summary>Event filters (objects of the form <c>{"type": "..."}</c>), kept as JSON.</summary>
    [JsonPropertyName("events_allowed")]
    public IReadOnlyList<JsonElement> EventsAllowed { get; init; } = [];

    [JsonPropertyName("events_disallowed")]
    public IReadOnlyList<JsonElement> EventsDisallowed { get; init; } = [];
}

/// <summary>An endpoint (ARI <c>Endpoint</c>): is an agent's phone registered?</summary>
public sealed record AriEndpoint
{
    public string Technology { get; init; } = string.Empty;

    public string Resource { get; init; } = string.Empty;

    /// <summary>unknown, offline, online.</summary>
    public string? State { get; init; }

    [JsonPropertyName("channel_ids")]
    public IReadOnlyList<string> ChannelIds { get; init; } = [];
}

/// <summary>GET /channels/{id}/variable.</summary>
public sealed record AriVariable
{
    public string? Value { get; init; }
}

/// <summary>The body of an ARI error response: <c>{"message": ...}</c>, or <c>{"error": ...}</c> for some 500s.</summary>
public sealed record AriErrorBody
{
    public string? Message { get; init; }

    public string? Error { get; init; }
}
