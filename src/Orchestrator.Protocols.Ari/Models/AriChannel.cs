using System.Text.Json.Serialization;

namespace Orchestrator.Protocols.Ari.Models;

/// <summary>A channel snapshot (ARI <c>Channel</c>), as REST returns it and as events carry it.</summary>
public sealed record AriChannel
{
    /// <summary>The unique id (the Uniqueid; what <c>channelId</c> set at originate).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The channel name, e.g. <c>Local/5551230@sim-customers-00000027;1</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Down, Rsrvd, OffHook, Dialing, Ring, Ringing, Up, Busy, Dialing Offhook, Pre-ring, Unknown.</summary>
    public string State { get; init; } = string.Empty;

    [JsonPropertyName("protocol_id")]
    public string? ProtocolId { get; init; }

    public AriCallerId? Caller { get; init; }

    public AriCallerId? Connected { get; init; }

    [JsonPropertyName("accountcode")]
    public string? AccountCode { get; init; }

    public AriDialplanLocation? Dialplan { get; init; }

    [JsonPropertyName("creationtime")]
    public DateTimeOffset? CreationTime { get; init; }

    public string? Language { get; init; }

    /// <summary>Variables asked for in ari.conf <c>channelvars</c>; null when none are configured.</summary>
    [JsonPropertyName("channelvars")]
    public IReadOnlyDictionary<string, string?>? ChannelVars { get; init; }

    [JsonPropertyName("caller_rdnis")]
    public string? CallerRdnis { get; init; }

    [JsonPropertyName("tenantid")]
    public string? TenantId { get; init; }
}

/// <summary>A caller id (name and number).</summary>
public sealed record AriCallerId
{
    public string Name { get; init; } = string.Empty;

    public string Number { get; init; } = string.Empty;
}

/// <summary>Where a channel is in the dialplan (ARI <c>DialplanCEP</c>).</summary>
public sealed record AriDialplanLocation
{
    public string Context { get; init; } = string.Empty;

    public string Exten { get; init; } = string.Empty;

    public long Priority { get; init; }

    [JsonPropertyName("app_name")]
    public string? AppName { get; init; }

    [JsonPropertyName("app_data")]
    public string? AppData { get; init; }
}
