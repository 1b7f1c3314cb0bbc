using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Protocols.Ari;
using Orchestrator.Runtime;
using Orchestrator.State.Redis;
using Orchestrator.Switching.Asterisk.Ami;
using StackExchange.Redis;

namespace Orchestrator.Host.Configuration;

/// <summary>
/// Checks every section at once and says, for each problem, which key is wrong and how to fix it (in the manner of
/// Quartz.NET's <c>QuartzOptionsValidators</c>). The host refuses to start with one message listing them all.
/// </summary>
public sealed class OrchestratorSettingsValidator : IValidateOptions<OrchestratorSettings>
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    public ValidateOptionsResult Validate(string? name, OrchestratorSettings options)
    {
        var problems = Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem of every section; empty when the host can start.</summary>
    public static List<string> Check(OrchestratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        CheckDatabase(settings.Database, problems);
        CheckState(settings.State, problems);
        CheckSwitch(settings, problems);
        CheckSimulator(settings.Simulator, problems);
        CheckRuntime(settings.Runtime, problems);
        CheckDemo(settings.Demo, problems);
        return problems;
    }

    private static void CheckDatabase(DatabaseOptions database, List<string> problems)
    {
        var provider = Known(database.Provider, DatabaseProviders.All);
        if (provider is null)
        {
            problems.Add(UnknownValue("Database:Provider", database.Provider, DatabaseProviders.All, "the database"));
            return;
        }

        if (string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            problems.Add(provider == DatabaseProviders.Sqlite
                ? "Database:ConnectionString is empty. Set it to a SQLite connection string, e.g. 'Data Source=./data/orchestrator.db'."
                : "Database:ConnectionString is empty. Set it to a SQL Server connection string, e.g. 'Server=sql1;Database=Orchestrator;Integrated Security=true;TrustServerCertificate=true'.");
            return;
        }

        if (provider == DatabaseProviders.Sqlite)
        {
            try
            {
                var builder = new SqliteConnectionStringBuilder(database.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource))
                {
                    problems.Add("Database:ConnectionString has no Data Source, which would give every connection its own temporary database. Name a file, e.g. 'Data Source=./data/orchestrator.db'.");
                }
            }
            catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException)
            {
                problems.Add($"Database:ConnectionString is not a valid SQLite connection string ({error.Message}). Use e.g. 'Data Source=./data/orchestrator.db'.");
            }
        }
        else
        {
            try
            {
                var builder = new SqlConnectionStringBuilder(database.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource))
                {
                    problems.Add("Database:ConnectionString names no server. Add 'Server=<host>', e.g. 'Server=sql1;Database=Orchestrator;Integrated Security=true'.");
                }
            }
            catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                problems.Add($"Database:ConnectionString is not a valid SQL Server connection string ({error.Message}). Use e.g. 'Server=sql1;Database=Orchestrator;Integrated Security=true;TrustServerCertificate=true'.");
            }
        }
    }

    private static void CheckState(StateOptions state, List<string> problems)
    {
        var provider = Known(state.Provider, StateProviders.All);
        if (provider is null)
        {
            problems.Add(UnknownValue("State:Provider", state.Provider, StateProviders.All, "the live state store"));
            return;
        }

        if (provider != StateProviders.Redis)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(state.Redis.ConnectionString))
        {
            problems.Add("State:Redis:ConnectionString is empty while State:Provider is Redis. Set it to your Redis endpoint(s), e.g. 'redis1:6379,password=…'.");
        }
        else
        {
            try
            {
                var parsed = ConfigurationOptions.Parse(state.Redis.ConnectionString);
                if (parsed.EndPoints.Count == 0)
                {
                    problems.Add("State:Redis:ConnectionString names no endpoint. Start it with host:port, e.g. 'redis1:6379'.");
                }
            }
            catch (Exception error) when (error is ArgumentException or FormatException or RedisConnectionException)
            {
                problems.Add($"State:Redis:ConnectionString does not parse ({error.Message}). Use StackExchange.Redis syntax, e.g. 'redis1:6379,password=…,ssl=true'.");
            }
        }

        // The store's own checks (key prefix, timeouts), reported under this host's key names.
        var own = new RedisStateStoreOptionsValidator().Validate(null, state.Redis);
        foreach (var failure in own.Failures ?? [])
        {
            if (!failure.Contains(nameof(RedisStateStoreOptions.ConnectionString), StringComparison.Ordinal))
            {
                problems.Add(failure.Replace($"{nameof(RedisStateStoreOptions)}.", "State:Redis:", StringComparison.Ordinal));
            }
        }
    }

    private static void CheckSwitch(OrchestratorSettings settings, List<string> problems)
    {
        var type = Known(settings.Switch.Type, SwitchTypes.All);
        if (type is null)
        {
            problems.Add(UnknownValue("Switch:Type", settings.Switch.Type, SwitchTypes.All, "the media switch"));
        }

        // A real Asterisk needs its address and account; an Ami section that is filled in halfway is checked too,
        // since it says the operator meant to use it.
        if (type == SwitchTypes.AsteriskAmi || (type is null && settings.AmiConfigured))
        {
            CheckAmiAccount(settings.Switch.Ami, problems);
        }

        CheckAmiTuning(settings.Switch.Ami, problems);
        CheckAsterisk(settings.Switch.Asterisk, problems);
        if (type == SwitchTypes.AsteriskAri)
        {
            CheckAri(settings.Switch.Ari, settings.Switch.AriAdapter.DefaultTrunk, problems);
        }
    }

    private static void CheckAri(AriClientOptions ari, string defaultTrunk, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(ari.Host))
        {
            problems.Add("Switch:Ari:Host is empty. Set it to your Asterisk's address, e.g. 10.0.0.5 (http.conf bindaddr).");
        }

        if (string.IsNullOrWhiteSpace(ari.Username))
        {
            problems.Add("Switch:Ari:Username is empty. Set it to the ari.conf user the orchestrator uses, e.g. orchestrator (see asterisk-conf/ari_orchestrator.conf).");
        }

        if (string.IsNullOrWhiteSpace(ari.Password))
        {
            problems.Add("Switch:Ari:Password is empty. Set it to that user's password from ari.conf (prefer an environment variable: Switch__Ari__Password).");
        }

        // The client's own checks (timeouts, sizes), reported under this host's key names; the account is checked above.
        foreach (var failure in new AriClientOptionsValidator().Validate(null, ari).Failures ?? [])
        {
            if (!failure.Contains("Host", StringComparison.Ordinal) && !failure.Contains("Username", StringComparison.Ordinal) && !failure.Contains("Password", StringComparison.Ordinal))
            {
                problems.Add(failure.StartsWith("Ari", StringComparison.Ordinal) ? $"Switch:{failure}" : failure);
            }
        }

        if (!(defaultTrunk.Contains(DialString.NumberPlaceholder, StringComparison.Ordinal) || defaultTrunk.Contains(DialString.DigitsPlaceholder, StringComparison.Ordinal)))
        {
            problems.Add($"Switch:AriAdapter:DefaultTrunk '{defaultTrunk}' has no {DialString.NumberPlaceholder} or {DialString.DigitsPlaceholder} placeholder. Use e.g. 'PJSIP/{{digits}}@trunk'.");
        }
    }

    private static void CheckAmiAccount(AmiClientOptions ami, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(ami.Host))
        {
            problems.Add("Switch:Ami:Host is empty. Set Switch:Ami:Host to your Asterisk's address, e.g. 10.0.0.5 (manager.conf bindaddr).");
        }

        if (string.IsNullOrWhiteSpace(ami.Username))
        {
            problems.Add("Switch:Ami:Username is empty. Set it to the manager.conf user the orchestrator logs in as, e.g. orchestrator (see asterisk-conf/manager_orchestrator.conf).");
        }

        if (string.IsNullOrWhiteSpace(ami.Secret))
        {
            problems.Add("Switch:Ami:Secret is empty. Set it to that user's secret from manager.conf (prefer an environment variable: Switch__Ami__Secret).");
        }
    }

    private static void CheckAmiTuning(AmiClientOptions ami, List<string> problems)
    {
        Range(problems, "Switch:Ami:Port", ami.Port, 1, 65535, "the AMI port from manager.conf, usually 5038");
        Positive(problems, "Switch:Ami:ConnectTimeout", ami.ConnectTimeout, "e.g. 00:00:05");
        Positive(problems, "Switch:Ami:ActionTimeout", ami.ActionTimeout, "e.g. 00:00:10");
        if (ami.KeepaliveInterval < TimeSpan.Zero)
        {
            problems.Add($"Switch:Ami:KeepaliveInterval is {ami.KeepaliveInterval}. Set it to 00:00:00 (no keepalive) or a positive interval, e.g. 00:00:15.");
        }

        Positive(problems, "Switch:Ami:ReconnectDelayMin", ami.ReconnectDelayMin, "e.g. 00:00:00.5");
        if (ami.ReconnectDelayMax < ami.ReconnectDelayMin)
        {
            problems.Add($"Switch:Ami:ReconnectDelayMax ({ami.ReconnectDelayMax}) is shorter than Switch:Ami:ReconnectDelayMin ({ami.ReconnectDelayMin}). Set it to at least the minimum, e.g. 00:00:30.");
        }

        Range(problems, "Switch:Ami:EventQueueCapacity", ami.EventQueueCapacity, 1, 10_000_000, "default 65536");
        Range(problems, "Switch:Ami:MaxFrameBytes", ami.MaxFrameBytes, 1024, 64 * 1024 * 1024, "default 262144");
    }

    private static void CheckAsterisk(AmiSwitchOptions asterisk, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(asterisk.DefaultTrunk)
            || !(asterisk.DefaultTrunk.Contains(DialString.NumberPlaceholder, StringComparison.Ordinal) || asterisk.DefaultTrunk.Contains(DialString.DigitsPlaceholder, StringComparison.Ordinal)))
        {
            problems.Add($"Switch:Asterisk:DefaultTrunk '{asterisk.DefaultTrunk}' has no {DialString.NumberPlaceholder} or {DialString.DigitsPlaceholder} placeholder. Use e.g. 'PJSIP/{{number}}@trunk'.");
        }

        foreach (var (key, value) in new[]
        {
            ("CustomerContext", asterisk.CustomerContext),
            ("AgentContext", asterisk.AgentContext),
            ("ConnectContext", asterisk.ConnectContext),
            ("SafeHarborContext", asterisk.SafeHarborContext),
            ("AgentConferenceName", asterisk.AgentConferenceName),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"Switch:Asterisk:{key} is empty. Remove the key to use the default that matches asterisk-conf/extensions_orchestrator.conf.");
            }
        }
    }

    private static void CheckSimulator(SimulatorOptions simulator, List<string> problems)
    {
        if (Known(simulator.Protocol, SimulatorProtocols.All) is null)
        {
            problems.Add(UnknownValue("Simulator:Protocol", simulator.Protocol, SimulatorProtocols.All, "how the orchestrator reaches the simulator"));
        }

        Range(problems, "Simulator:AmiPort", simulator.AmiPort, 0, 65535, "0 takes a free loopback port");
        Range(problems, "Simulator:AriPort", simulator.AriPort, 0, 65535, "0 takes a free loopback port");
        var template = simulator.EffectiveTrunkTemplate;
        if (string.IsNullOrWhiteSpace(template)
            || !(template.Contains(DialString.NumberPlaceholder, StringComparison.Ordinal) || template.Contains(DialString.DigitsPlaceholder, StringComparison.Ordinal)))
        {
            problems.Add($"Simulator:TrunkTemplate '{template}' has no {DialString.DigitsPlaceholder} or {DialString.NumberPlaceholder} placeholder. Use 'Local/{{digits}}@sim-customers'.");
        }

        problems.AddRange(OutcomeModelSource.Check(simulator));
    }

    private static void CheckRuntime(RuntimeOptions runtime, List<string> problems)
    {
        if (runtime.PacerTick < TimeSpan.FromMilliseconds(10) || runtime.PacerTick > TimeSpan.FromSeconds(10))
        {
            problems.Add($"Runtime:PacerTick is {runtime.PacerTick}. Set it between 00:00:00.010 and 00:00:10, e.g. 00:00:00.250.");
        }

        if (runtime.LeaseTtl < TimeSpan.FromSeconds(1))
        {
            problems.Add($"Runtime:LeaseTtl is {runtime.LeaseTtl}. Set it to at least 00:00:01, e.g. 00:00:15.");
        }

        Range(problems, "Runtime:HopperTarget", runtime.HopperTarget, 1, 10_000, "default 50");
        Positive(problems, "Runtime:AgentRingTimeout", runtime.AgentRingTimeout, "e.g. 00:00:30");
        if (runtime.AgentLegRetryDelay < Millisecond)
        {
            problems.Add($"Runtime:AgentLegRetryDelay is {runtime.AgentLegRetryDelay}. Set it to a positive delay, e.g. 00:00:05.");
        }

        if (string.IsNullOrWhiteSpace(runtime.InstanceId))
        {
            problems.Add("Runtime:InstanceId is empty. Remove the key (the default is machine name and process id) or give each instance its own name.");
        }
    }

    private static void CheckDemo(DemoOptions demo, List<string> problems)
    {
        Range(problems, "Demo:Leads", demo.Leads, 0, 1_000_000, "default 2000");
        Range(problems, "Demo:Agents", demo.Agents, 1, 99, "default 10; the simulator's sim-agents context has phones 2001 to 2099");
        if (!double.IsFinite(demo.RunMinutes) || demo.RunMinutes < 0 || demo.RunMinutes > 10_080)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Demo:RunMinutes is {demo.RunMinutes}. Set it between 0 (run until Ctrl+C) and 10080 (a week), e.g. 1."));
        }
    }

    private static string? Known(string? value, IReadOnlyList<string> valid) =>
        valid.FirstOrDefault(v => string.Equals(v, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string UnknownValue(string key, string? value, IReadOnlyList<string> valid, string what)
    {
        var suggestion = valid.FirstOrDefault(v => !string.IsNullOrWhiteSpace(value)
            && (v.StartsWith(value.Trim(), StringComparison.OrdinalIgnoreCase) || value.Trim().StartsWith(v, StringComparison.OrdinalIgnoreCase)));
        return string.IsNullOrWhiteSpace(value)
            ? $"{key} is empty. Set it to one of: {string.Join(", ", valid)} ({what})."
            : $"{key} '{value}' is not known. Set it to one of: {string.Join(", ", valid)} ({what}){(suggestion is null ? "" : $"; did you mean {suggestion}?")}.";
    }

    private static void Range(List<string> problems, string key, long value, long min, long max, string hint)
    {
        if (value < min || value > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key} is {value}. Set it between {min} and {max} ({hint})."));
        }
    }

    private static void Positive(List<string> problems, string key, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{key} is {value}. Set it to a positive duration, {example}.");
        }
    }
}
