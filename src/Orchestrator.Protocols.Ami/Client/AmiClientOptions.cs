using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Protocols.Ami.Client;

/// <summary>How the orchestrator reaches one Asterisk Manager Interface. Defaults suit a switch on the same LAN.</summary>
public sealed class AmiClientOptions
{
    /// <summary>Asterisk's address (manager.conf <c>bindaddr</c>). Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Host { get; set; } = string.Empty;

    /// <summary>manager.conf <c>port</c>. Default 5038.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5038;

    /// <summary>The manager.conf user section name. Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Username { get; set; } = string.Empty;

    /// <summary>The user's <c>secret</c>. Required.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Secret { get; set; } = string.Empty;

    /// <summary>
    /// Log in with the MD5 challenge (the secret never crosses the wire) or with the plain secret.
    /// Default <see cref="AmiAuthentication.Md5Challenge"/>.
    /// </summary>
    public AmiAuthentication Authentication { get; set; } = AmiAuthentication.Md5Challenge;

    /// <summary>
    /// The <c>Events</c> header of the login: <c>on</c> (everything the account may read), <c>off</c>, or a
    /// class list such as <c>call,system,dialplan</c>; null sends no header (Asterisk then streams every
    /// class the account may read). Default <c>on</c>.
    /// </summary>
    public string? Events { get; set; } = "on";

    /// <summary>How long to wait for the TCP connection and the banner. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an action may wait for its response. Default 10 s.</summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often to Ping a Ready connection (zero turns keepalive off). Default 15 s.</summary>
    public TimeSpan KeepaliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first reconnect delay; it doubles per failure up to <see cref="ReconnectDelayMax"/>, with jitter. Default 0.5 s.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest reconnect delay. Default 30 s.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events buffered for the consumer before <see cref="OverflowPolicy"/> applies. Default 65,536 (1 to 10,000,000).</summary>
    [Range(1, 10_000_000)]
    public int EventQueueCapacity { get; set; } = 65_536;

    /// <summary>What happens when the consumer falls behind by <see cref="EventQueueCapacity"/> events. Default <see cref="AmiOverflowPolicy.DropOldest"/>.</summary>
    public AmiOverflowPolicy OverflowPolicy { get; set; } = AmiOverflowPolicy.DropOldest;

    /// <summary>The largest frame accepted; larger ones are skipped and counted. Default 256 KiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxFrameBytes { get; set; } = Framing.AmiFrameReader.DefaultMaxFrameBytes;
}

/// <summary>How the client proves who it is.</summary>
public enum AmiAuthentication
{
    /// <summary><c>Action: Challenge</c>, then <c>Login</c> with <c>Key</c> = md5(challenge + secret).</summary>
    Md5Challenge,

    /// <summary><c>Login</c> with the secret in clear text (only on a trusted link).</summary>
    Plain,
}

/// <summary>What the client does when the event consumer falls behind.</summary>
public enum AmiOverflowPolicy
{
    /// <summary>Drop the oldest buffered event and count it (<see cref="AmiClient.DroppedEvents"/>).</summary>
    DropOldest,

    /// <summary>
    /// Drop the connection and reconnect: the consumer then resyncs from the switch's live channels,
    /// which loses time but never leaves it believing in a call that has ended.
    /// </summary>
    Reconnect,
}
