using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Simulator.Ami;

/// <summary>How the simulated Asterisk presents itself and how its calls behave. Defaults match the lab of the recordings.</summary>
public sealed class AsteriskAmiSimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1. Default 0: the OS picks a free one (read it back from <see cref="AsteriskAmiSimulator.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>The manager account. Default <c>orchestrator</c>.</summary>
    public string Username { get; set; } = "orchestrator";

    /// <summary>The account's secret (plain and MD5 logins). Default <c>secret</c>.</summary>
    public string Secret { get; set; } = "secret";

    /// <summary>How customers of the orchestrator dialplan behave. Default <see cref="OutcomeModel.Demo"/>.</summary>
    public OutcomeModel Outcomes { get; set; } = OutcomeModel.Demo;

    /// <summary>Seeds the identifiers Asterisk invents (bridge ids, session ids, challenges). Default: the outcome model's seed.</summary>
    public long? Seed { get; set; }

    /// <summary>How long a failed login waits before "Authentication failed" (Asterisk sleeps 1 s). Default 1 s.</summary>
    public TimeSpan AuthFailureDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a simulated agent phone rings before it answers. Default 1 s.</summary>
    public TimeSpan AgentAnswerDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>orchestrator-customer's <c>Wait(30)</c>: an answered customer not redirected by then goes to safe harbor. Default 30 s.</summary>
    public TimeSpan CustomerParkLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the safe-harbor prompt plays before the hangup. Default 3 s.</summary>
    public TimeSpan SafeHarborPlayback { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Which recording to replay when several fit a lab call (e.g. <c>ami-hangup-action</c> rather than
    /// <c>ami-mixmonitor</c> for a long call parked in <c>hold-line</c>). Default: none, the catalog's order.
    /// </summary>
    public string? PreferredLabRecording { get; set; }

    /// <summary>
    /// The sequence number of the first channel (<c>-0000000a</c> in channel names). Asterisk counts from 0 at boot;
    /// one that has run a while is far beyond, as in the recordings. Default 0; a restart counts from 0 again.
    /// </summary>
    public int FirstChannelSequence { get; set; }

    /// <summary>How long the simulated Asterisk had been up when the simulator started (FullyBooted's Uptime). Default 0.</summary>
    public TimeSpan UptimeAtStart { get; set; }

    /// <summary>The first line of every connection. Default <c>Asterisk Call Manager/11.0.0</c>.</summary>
    public string Banner { get; set; } = "Asterisk Call Manager/11.0.0";

    /// <summary>CoreSettings' AsteriskVersion. Default <c>22.10.1</c>.</summary>
    public string AsteriskVersion { get; set; } = "22.10.1";

    /// <summary>Every problem with the options, each with its fix; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"Port must be 0 (any free port) or 1-65535 (got {Port}).");
        }

        if (FirstChannelSequence < 0)
        {
            problems.Add($"FirstChannelSequence must be >= 0 (got {FirstChannelSequence}).");
        }

        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Secret))
        {
            problems.Add("Username and Secret must be set: clients log in with them.");
        }

        if (Outcomes is null)
        {
            problems.Add("Outcomes must be set (OutcomeModel.Demo, or one loaded from a pacebench scenario).");
        }
        else
        {
            problems.AddRange(Outcomes.Validate().Select(p => "Outcomes." + p));
        }

        foreach (var (name, value) in new[] { ("AuthFailureDelay", AuthFailureDelay), ("AgentAnswerDelay", AgentAnswerDelay), ("CustomerParkLimit", CustomerParkLimit), ("SafeHarborPlayback", SafeHarborPlayback), ("UptimeAtStart", UptimeAtStart) })
        {
            if (value < TimeSpan.Zero)
            {
                problems.Add($"{name} must not be negative (got {value}).");
            }
        }

        return problems;
    }
}
