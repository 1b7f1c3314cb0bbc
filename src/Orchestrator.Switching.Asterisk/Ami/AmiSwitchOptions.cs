using System.ComponentModel.DataAnnotations;

namespace Orchestrator.Switching.Asterisk.Ami;

/// <summary>
/// How the AMI adapter uses the dialplan shipped in <c>asterisk-conf/extensions_orchestrator.conf</c>.
/// The defaults match that file; change them only if you renamed its contexts.
/// </summary>
public sealed class AmiSwitchOptions
{
    /// <summary>
    /// The dial string for customers when a command names no trunk; <c>{number}</c> is replaced by the
    /// number. Default <c>PJSIP/{number}@trunk</c>; the simulator's lab uses <c>Local/{number}@sim-customers</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultTrunk { get; set; } = "PJSIP/{number}@trunk";

    /// <summary>Where an answered customer waits. Default <c>orchestrator-customer</c> (extension <c>s</c>, or <c>amd</c> with detection).</summary>
    [Required(AllowEmptyStrings = false)]
    public string CustomerContext { get; set; } = "orchestrator-customer";

    /// <summary>Where an agent's nailed-up leg goes once answered. Default <c>orchestrator-agent</c> (extension = agent id).</summary>
    [Required(AllowEmptyStrings = false)]
    public string AgentContext { get; set; } = "orchestrator-agent";

    /// <summary>Where a customer is redirected to join an agent. Default <c>orchestrator-connect</c> (extension = agent id).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectContext { get; set; } = "orchestrator-connect";

    /// <summary>Where a customer is redirected to hear the safe-harbor message. Default <c>orchestrator-safe-harbor</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SafeHarborContext { get; set; } = "orchestrator-safe-harbor";

    /// <summary>Where a transferred customer is redirected (extension = destination). Default <c>orchestrator-transfer</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TransferContext { get; set; } = "orchestrator-transfer";

    /// <summary>Where a supervisor's phone is sent to listen, whisper or barge (extension = the mode). Default <c>orchestrator-spy</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SpyContext { get; set; } = "orchestrator-spy";

    /// <summary>The recording format (MixMonitor file extension). Default <c>wav</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string RecordingFormat { get; set; } = "wav";

    /// <summary>The ConfBridge name of an agent's holding conference; <c>{agent}</c> is the agent id. Default <c>orch-agent-{agent}</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AgentConferenceName { get; set; } = "orch-agent-{agent}";
}
