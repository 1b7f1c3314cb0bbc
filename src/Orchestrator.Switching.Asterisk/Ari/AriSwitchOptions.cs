using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Switching.Asterisk.Ari;

/// <summary>
/// How the ARI adapter places and connects calls. The Stasis application is the ARI client's
/// (<c>AriClientOptions.Application</c>, default <c>orchestrator</c>): the adapter originates into the application its
/// client registered, so the two can never disagree. The defaults match <c>asterisk-conf/</c>.
/// </summary>
public sealed class AriSwitchOptions
{
    /// <summary>
    /// The dial string for customers when a command names no trunk: <c>{number}</c> is the number as stored
    /// (<c>+15551234567</c>), <c>{digits}</c> the same without the plus. Default <c>PJSIP/{digits}@trunk</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultTrunk { get; set; } = "PJSIP/{digits}@trunk";

    /// <summary>
    /// The dialplan context that runs app_amd and re-enters the application with <c>amd,&lt;AMDSTATUS&gt;,&lt;AMDCAUSE&gt;</c>.
    /// Default <c>orchestrator-ari-amd</c> (extension <see cref="AmdExtension"/>, priority 1).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string AmdContext { get; set; } = "orchestrator-ari-amd";

    /// <summary>The extension in <see cref="AmdContext"/>. Default <c>s</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AmdExtension { get; set; } = "s";

    /// <summary>The prompt a play-then-hangup plays when the command names none (a sound name, no extension). Default <c>orchestrator/safe-harbor</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SafeHarborPrompt { get; set; } = "orchestrator/safe-harbor";

    /// <summary>Where a transferred leg is sent (<c>continue</c>, extension = the destination). Default <c>orchestrator-transfer</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TransferContext { get; set; } = "orchestrator-transfer";

    /// <summary>The id of an agent's own holding bridge; <c>{leg}</c> is the agent leg id. Default <c>orch-hold-{leg}</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(".*\\{leg\\}.*", ErrorMessage = "HoldingBridgeId must contain {leg}: every agent leg needs its own holding bridge.")]
    public string HoldingBridgeId { get; set; } = "orch-hold-{leg}";

    /// <summary>The id of the mixing bridge of one call; <c>{leg}</c> is the customer leg id. Default <c>orch-call-{leg}</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(".*\\{leg\\}.*", ErrorMessage = "CallBridgeId must contain {leg}: every call needs its own bridge.")]
    public string CallBridgeId { get; set; } = "orch-call-{leg}";

    /// <summary>The recording file format (bridge and channel recordings). Default <c>wav</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string RecordingFormat { get; set; } = "wav";

    /// <summary>How long a supervisor's phone may ring for listen, whisper or barge. Default 30 s.</summary>
    public TimeSpan SupervisorRingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the adapter tries to list channels after a reconnect before it drops the connection and starts over. Default 3.</summary>
    [Range(1, 20)]
    public int ResyncAttempts { get; set; } = 3;

    internal string HoldingBridge(LegId agent) => HoldingBridgeId.Replace("{leg}", agent.Value, StringComparison.Ordinal);

    internal string CallBridge(LegId customer) => CallBridgeId.Replace("{leg}", customer.Value, StringComparison.Ordinal);
}
