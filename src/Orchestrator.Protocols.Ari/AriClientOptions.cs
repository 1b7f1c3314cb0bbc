using System.ComponentModel.DataAnnotations;
using Orchestrator.Protocols.Ari.Events;

namespace Orchestrator.Protocols.Ari;

/// <summary>How the orchestrator reaches one Asterisk REST Interface. Defaults suit a switch on the same LAN.</summary>
public sealed class AriClientOptions
{
    /// <summary>Asterisk's HTTP server address (http.conf <c>bindaddr</c>). Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = string.Empty;

    /// <summary>http.conf <c>bindport</c> (or <c>tlsbindport</c> with <see cref="UseTls"/>). Default 8088.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 8088;

    /// <summary>Use https/wss (http.conf <c>tlsenable</c>). Default false: ARI on a trusted LAN or loopback.</summary>
    public bool UseTls { get; set; }

    /// <summary>The ari.conf user section name. Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Username { get; set; } = string.Empty;

    /// <summary>The user's <c>password</c> in ari.conf. Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Password { get; set; } = string.Empty;

    /// <summary>The Stasis application to register (the events socket's <c>app=</c>). Default <c>orchestrator</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9_.-]+$", ErrorMessage = "Application must be letters, digits, '_', '.' or '-' (it is a Stasis app name and a URL parameter).")]
    public string Application { get; set; } = "orchestrator";

    /// <summary>
    /// Ask for every event of every channel, bridge and endpoint (<c>subscribeAll=true</c>), not only those of the
    /// application's channels. Default false: a dialer needs only its own calls.
    /// </summary>
    public bool SubscribeAll { get; set; }

    /// <summary>How long to wait for the TCP connection and the WebSocket upgrade. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one REST request may wait for its response. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest a REST call may take, retries of idempotent requests included. Default 30 s.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries of idempotent requests (GETs and channel hangups) after a transient failure. POSTs are never
    /// retried. Default 2 (0 to 10).
    /// </summary>
    [Range(0, 10)]
    public int IdempotentRetries { get; set; } = 2;

    /// <summary>The first retry delay (exponential with jitter). Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often to send a WebSocket Ping on the events socket (zero turns keepalive off). Default 15 s.</summary>
    public TimeSpan KeepaliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a Ping may wait for its Pong before the socket is declared dead. Default 10 s.</summary>
    public TimeSpan KeepaliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first reconnect delay; it doubles per failure up to <see cref="ReconnectDelayMax"/>, with jitter. Default 0.5 s.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest reconnect delay (also the delay after a refused login). Default 30 s.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events buffered for the consumer before <see cref="OverflowPolicy"/> applies. Default 65,536 (1 to 10,000,000).</summary>
    [Range(1, 10_000_000)]
    public int EventQueueCapacity { get; set; } = 65_536;

    /// <summary>What happens when the consumer falls behind by <see cref="EventQueueCapacity"/> events. Default <see cref="AriOverflowPolicy.DropOldest"/>.</summary>
    public AriOverflowPolicy OverflowPolicy { get; set; } = AriOverflowPolicy.DropOldest;

    /// <summary>The largest event message accepted; larger ones are skipped and counted. Default 1 MiB (1 KiB to 64 MiB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = AriMessageAssembler.DefaultMaxMessageBytes;

    /// <summary>The http(s) base address of the REST API: <c>http://host:port/ari/</c>.</summary>
    public Uri RestBaseAddress => new($"{(UseTls ? "https" : "http")}://{HostForUri}:{Port}/ari/");

    /// <summary>The ws(s) address of the events socket.</summary>
    public Uri EventsUri => new(
        $"{(UseTls ? "wss" : "ws")}://{HostForUri}:{Port}/ari/events?app={Uri.EscapeDataString(Application)}&subscribeAll={(SubscribeAll ? "true" : "false")}");

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? $"[{Host}]" : Host;
}

/// <summary>What the client does when the event consumer falls behind.</summary>
public enum AriOverflowPolicy
{
    /// <summary>Drop the oldest buffered event and count it (<c>AriClient.DroppedEvents</c>).</summary>
    DropOldest,

    /// <summary>
    /// Drop the events socket and reconnect: the consumer then resyncs from the switch's live channels,
    /// which loses time but never leaves it believing in a call that has ended.
    /// </summary>
    Reconnect,
}
