using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Simulator.Ari;

/// <summary>
/// How the simulated Asterisk REST Interface presents itself and how its calls behave. Defaults match the lab of
/// the recordings (<c>tests/fixtures/asterisk/README.md</c>): user <c>orchestrator</c>, password <c>ari-secret</c>.
/// </summary>
public sealed class AsteriskAriSimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1. Default 0: the OS picks a free one (read it back from <see cref="AsteriskAriSimulator.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>The ari.conf user. Default <c>orchestrator</c>.</summary>
    public string Username { get; set; } = "orchestrator";

    /// <summary>The user's password (Basic auth, or <c>?api_key=user:password</c>). Default <c>ari-secret</c>.</summary>
    public string Password { get; set; } = "ari-secret";

    /// <summary>
    /// How customers dialed through a trunk (<c>PJSIP/15551230001@trunk</c>, any dial string with an <c>@</c> that is not
    /// a lab context) behave. Default <see cref="OutcomeModel.Demo"/>. <c>Local/&lt;n&gt;@sim-customers</c> follows the lab's
    /// last-digit dialplan instead, as in the recordings.
    /// </summary>
    public OutcomeModel Outcomes { get; set; } = OutcomeModel.Demo;

    /// <summary>Seeds the identifiers the simulated Asterisk invents (playback ids, the lab's RAND). Default: the outcome model's seed.</summary>
    public long? Seed { get; set; }

    /// <summary>How long an agent phone (<c>PJSIP/1001</c>, <c>Local/2001@sim-agents</c>) rings before it answers. Default 1 s.</summary>
    public TimeSpan AgentAnswerDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an answered trunk customer stays on the line when nobody is bridged to them before hanging up. Default 30 s.</summary>
    public TimeSpan CustomerPatience { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a prompt plays when <see cref="SoundDurations"/> does not know it. Default 2 s.</summary>
    public TimeSpan DefaultPlaybackDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long each known prompt plays (without the <c>sound:</c> prefix). Defaults: the lab's sounds, as recorded.</summary>
    public IDictionary<string, TimeSpan> SoundDurations { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["hello-world"] = TimeSpan.FromMilliseconds(1404),
        ["hello"] = TimeSpan.FromMilliseconds(786),
        ["silence/2"] = TimeSpan.FromSeconds(2),
        ["vm-intro"] = TimeSpan.FromMilliseconds(5700),
        ["beep"] = TimeSpan.FromMilliseconds(250),
        ["agent-loginok"] = TimeSpan.FromMilliseconds(1744),
        ["orchestrator/safe-harbor"] = TimeSpan.FromSeconds(3),
    };

    /// <summary>
    /// The sequence number of the first channel (<c>-0000000a</c> in channel names). Default 0; a restart counts from 0 again.
    /// </summary>
    public int FirstChannelSequence { get; set; }

    /// <summary><c>GET /asterisk/info</c>'s version. Default <c>22.10.1</c>.</summary>
    public string AsteriskVersion { get; set; } = "22.10.1";

    /// <summary>The entity id (every event's <c>asterisk_id</c>). Default the lab's fixed <c>00:00:5e:00:53:01</c>.</summary>
    public string EntityId { get; set; } = "00:00:5e:00:53:01";

    /// <summary>The HTTP <c>Server</c> header (http.conf <c>servername</c>). Default <c>AsteriskLab</c>.</summary>
    public string ServerName { get; set; } = "AsteriskLab";

    /// <summary>What <c>GET /endpoints</c> lists, as <c>technology/resource</c> → state. Default the lab's three agent endpoints.</summary>
    public IDictionary<string, string> Endpoints { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PJSIP/agent1001"] = "online",
        ["PJSIP/agent1002"] = "offline",
        ["PJSIP/agent1003"] = "offline",
    };

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

        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
        {
            problems.Add("Username and Password must be set: clients authenticate with them.");
        }

        if (Outcomes is null)
        {
            problems.Add("Outcomes must be set (OutcomeModel.Demo, or one loaded from a pacebench scenario).");
        }
        else
        {
            problems.AddRange(Outcomes.Validate().Select(p => "Outcomes." + p));
        }

        foreach (var (name, value) in new[] { ("AgentAnswerDelay", AgentAnswerDelay), ("CustomerPatience", CustomerPatience), ("DefaultPlaybackDuration", DefaultPlaybackDuration) })
        {
            if (value < TimeSpan.Zero)
            {
                problems.Add($"{name} must not be negative (got {value}).");
            }
        }

        if (SoundDurations.Any(s => s.Value < TimeSpan.Zero))
        {
            problems.Add("SoundDurations must not hold negative durations.");
        }

        return problems;
    }
}
