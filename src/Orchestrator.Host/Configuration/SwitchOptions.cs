using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Switching.Asterisk.Ami;

namespace Orchestrator.Host.Configuration;

/// <summary>Which media switch the orchestrator drives. Section <c>Switch</c>.</summary>
public sealed class SwitchOptions
{
    public const string SectionName = "Switch";

    /// <summary>
    /// <c>Simulator</c> (default: an embedded Asterisk simulator on a loopback port, reached over real AMI) or
    /// <c>AsteriskAmi</c> (a real Asterisk running asterisk-conf/extensions_orchestrator.conf).
    /// </summary>
    public string Type { get; set; } = SwitchTypes.Simulator;

    /// <summary>
    /// The AMI connection. Host, Username and Secret are required for <c>AsteriskAmi</c>; with the simulator they are
    /// set by the host (the timeouts and queue settings still apply).
    /// </summary>
    public AmiClientOptions Ami { get; set; } = new();

    /// <summary>How the adapter uses the dialplan (contexts, default trunk). The defaults match asterisk-conf/.</summary>
    public AmiSwitchOptions Asterisk { get; set; } = new();
}

/// <summary>The values of <see cref="SwitchOptions.Type"/>.</summary>
public static class SwitchTypes
{
    public const string Simulator = "Simulator";
    public const string AsteriskAmi = "AsteriskAmi";

    public static IReadOnlyList<string> All { get; } = [Simulator, AsteriskAmi];
}
