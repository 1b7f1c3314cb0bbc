using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Protocols.Ari;
using Orchestrator.Switching.Asterisk.Ami;
using Orchestrator.Switching.Asterisk.Ari;

namespace Orchestrator.Host.Configuration;

/// <summary>Which media switch the orchestrator drives. Section <c>Switch</c>.</summary>
public sealed class SwitchOptions
{
    public const string SectionName = "Switch";

    /// <summary>
    /// <c>Simulator</c> (default: an embedded Asterisk simulator on a loopback port, reached over real AMI or ARI),
    /// <c>AsteriskAmi</c> (a real Asterisk running asterisk-conf/extensions_orchestrator.conf, over AMI) or
    /// <c>AsteriskAri</c> (the same over ARI: REST and the events WebSocket).
    /// </summary>
    public string Type { get; set; } = SwitchTypes.Simulator;

    /// <summary>
    /// The AMI connection. Host, Username and Secret are required for <c>AsteriskAmi</c>; with the simulator they are
    /// set by the host (the timeouts and queue settings still apply).
    /// </summary>
    public AmiClientOptions Ami { get; set; } = new();

    /// <summary>How the adapter uses the dialplan (contexts, default trunk). The defaults match asterisk-conf/.</summary>
    public AmiSwitchOptions Asterisk { get; set; } = new();

    /// <summary>
    /// The ARI connection. Host, Username and Password are required for <c>AsteriskAri</c> (asterisk-conf/ari_orchestrator.conf,
    /// http_orchestrator.conf); with the simulator they are set by the host.
    /// </summary>
    public AriClientOptions Ari { get; set; } = new();

    /// <summary>How the ARI adapter places and bridges calls (default trunk, AMD context, bridge names). The defaults match asterisk-conf/.</summary>
    public AriSwitchOptions AriAdapter { get; set; } = new();
}

/// <summary>The values of <see cref="SwitchOptions.Type"/>.</summary>
public static class SwitchTypes
{
    public const string Simulator = "Simulator";
    public const string AsteriskAmi = "AsteriskAmi";
    public const string AsteriskAri = "AsteriskAri";

    public static IReadOnlyList<string> All { get; } = [Simulator, AsteriskAmi, AsteriskAri];
}
