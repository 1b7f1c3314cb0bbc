namespace Orchestrator.Host.Configuration;

/// <summary>The embedded switch simulator, used when <c>Switch:Type</c> is <c>Simulator</c>. Section <c>Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>
    /// How simulated customers behave: <c>Demo</c> (default: lively, short calls), <c>Standard</c> (the outcome model's
    /// defaults), or the path of a JSON file holding a pacebench scenario object (or a pacebench file, with <see cref="Scenario"/>).
    /// The demo's simulated agents draw their wrap-up times from the same model.
    /// </summary>
    public string OutcomeModel { get; set; } = OutcomeModels.Demo;

    /// <summary>With a pacebench file of several scenarios: the scenario's name. Default: the first.</summary>
    public string? Scenario { get; set; }

    /// <summary>Replaces the model's seed (the same seed gives the same customers). Default: the model's own.</summary>
    public long? Seed { get; set; }

    /// <summary>
    /// Which protocol the embedded simulator speaks and the orchestrator uses to reach it: <c>Ami</c> (default) or
    /// <c>Ari</c> (REST + events WebSocket, driven by the ARI adapter).
    /// </summary>
    public string Protocol { get; set; } = SimulatorProtocols.Ami;

    /// <summary>The loopback port of the simulator's AMI server; 0 (default) takes a free port. 0 to 65535.</summary>
    public int AmiPort { get; set; }

    /// <summary>The loopback port of the simulator's ARI server (with <see cref="Protocol"/> Ari); 0 (default) takes a free port.</summary>
    public int AriPort { get; set; }

    /// <summary>
    /// How customers are dialed through the simulator; <c>{digits}</c> is the number without its '+'. Default: for AMI
    /// <c>Local/{digits}@sim-customers</c>, for ARI <c>PJSIP/{digits}@trunk</c>. Applied to the demo's trunk.
    /// </summary>
    public string? TrunkTemplate { get; set; }

    /// <summary>The trunk template in effect: <see cref="TrunkTemplate"/>, or the protocol's default.</summary>
    public string EffectiveTrunkTemplate => TrunkTemplate
        ?? (string.Equals(Protocol, SimulatorProtocols.Ari, StringComparison.OrdinalIgnoreCase) ? "PJSIP/{digits}@trunk" : "Local/{digits}@sim-customers");
}

/// <summary>The values of <see cref="SimulatorOptions.Protocol"/>.</summary>
public static class SimulatorProtocols
{
    public const string Ami = "Ami";
    public const string Ari = "Ari";

    public static IReadOnlyList<string> All { get; } = [Ami, Ari];
}

/// <summary>The named values of <see cref="SimulatorOptions.OutcomeModel"/>.</summary>
public static class OutcomeModels
{
    public const string Demo = "Demo";
    public const string Standard = "Standard";

    public static IReadOnlyList<string> Named { get; } = [Demo, Standard];
}
