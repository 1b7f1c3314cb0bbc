namespace Orchestrator.Host.Configuration;

/// <summary>
/// The demo: seed a project, log simulated agents into its campaign, let them take calls and give dispositions,
/// and print a summary from the database at shutdown. Section <c>Demo</c>.
/// </summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Run the demo. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Leads seeded into the demo list (first run only). Default 2,000; 0 to 1,000,000.</summary>
    public int Leads { get; set; } = 2_000;

    /// <summary>Simulated agents (logins agent2001…, phones Local/2001@sim-agents…; first run only). Default 10; 1 to 99 (the simulator has phones 2001–2099).</summary>
    public int Agents { get; set; } = 10;

    /// <summary>
    /// Log the demo agents in and let simulated agents work (wrap-up, dispositions). False seeds the demo and leaves
    /// the agents to the API (log them in with <c>POST /api/agents/{id}/login</c>). Default true.
    /// </summary>
    public bool SimulateAgents { get; set; } = true;

    /// <summary>Stop the host after this many minutes; 0 runs until Ctrl+C. Default 0; 0 to 10,080 (a week).</summary>
    public double RunMinutes { get; set; }

    /// <summary>Seed of the simulated agents' choices (wrap-up times, disposition codes). Default 7.</summary>
    public int Seed { get; set; } = 7;
}
