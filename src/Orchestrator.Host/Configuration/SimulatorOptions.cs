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

    /// <summary>The loopback port of the simulator's AMI server; 0 (default) takes a free port. 0 to 65535.</summary>
    public int AmiPort { get; set; }

    /// <summary>
    /// How customers are dialed through the simulator's dialplan; <c>{digits}</c> is the number without its '+'.
    /// Default <c>Local/{digits}@sim-customers</c>. Applied to the demo's trunk.
    /// </summary>
    public string TrunkTemplate { get; set; } = "Local/{digits}@sim-customers";
}

/// <summary>The named values of <see cref="SimulatorOptions.OutcomeModel"/>.</summary>
public static class OutcomeModels
{
    public const string Demo = "Demo";
    public const string Standard = "Standard";

    public static IReadOnlyList<string> Named { get; } = [Demo, Standard];
}
