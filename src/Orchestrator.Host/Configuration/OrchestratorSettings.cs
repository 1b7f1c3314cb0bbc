using Microsoft.Extensions.Configuration;
using Orchestrator.Runtime;

namespace Orchestrator.Host.Configuration;

/// <summary>
/// Every section the host reads, bound once at start. Each section is also registered as ordinary options
/// (<c>IOptions&lt;DatabaseOptions&gt;</c>…) for the services that need one.
/// </summary>
public sealed class OrchestratorSettings
{
    public DatabaseOptions Database { get; set; } = new();

    public StateOptions State { get; set; } = new();

    public SwitchOptions Switch { get; set; } = new();

    public SimulatorOptions Simulator { get; set; } = new();

    /// <summary>Section <c>Runtime</c>: pacing and agent-leg timings (see <see cref="RuntimeOptions"/>).</summary>
    public RuntimeOptions Runtime { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    /// <summary>Whether the configuration has a <c>Switch:Ami</c> section (it is then checked even if the type is not AsteriskAmi).</summary>
    public bool AmiConfigured { get; set; }

    public const string RuntimeSectionName = "Runtime";

    /// <summary>Binds every section; values that do not convert and unknown keys are added to <paramref name="problems"/>.</summary>
    public static OrchestratorSettings Bind(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        return new OrchestratorSettings
        {
            Database = SettingsBinder.Bind<DatabaseOptions>(configuration, DatabaseOptions.SectionName, problems),
            State = SettingsBinder.Bind<StateOptions>(configuration, StateOptions.SectionName, problems),
            Switch = SettingsBinder.Bind<SwitchOptions>(configuration, SwitchOptions.SectionName, problems),
            Simulator = SettingsBinder.Bind<SimulatorOptions>(configuration, SimulatorOptions.SectionName, problems),
            Runtime = SettingsBinder.Bind<RuntimeOptions>(configuration, RuntimeSectionName, problems),
            Demo = SettingsBinder.Bind<DemoOptions>(configuration, DemoOptions.SectionName, problems),
            AmiConfigured = configuration.GetSection($"{SwitchOptions.SectionName}:Ami").Exists(),
        };
    }
}
