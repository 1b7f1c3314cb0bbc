using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Orchestrator.Host.Hosting;

/// <summary>Turns configuration failures at start into one plain message (no stack trace) listing every problem.</summary>
public static class StartupFailure
{
    /// <summary>Whether <paramref name="error"/> is (or aggregates only) options validation failures; if so, all of them.</summary>
    public static bool IsConfiguration(Exception error, out IReadOnlyList<string> problems)
    {
        var failures = new List<string>();
        if (!Collect(error, failures))
        {
            problems = [];
            return false;
        }

        problems = failures;
        return true;
    }

    public static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var text = new StringBuilder();
        text.AppendLine(problems.Count == 1
            ? "Outbound Orchestrator cannot start: 1 configuration problem."
            : string.Create(CultureInfo.InvariantCulture, $"Outbound Orchestrator cannot start: {problems.Count} configuration problems."));
        for (var i = 0; i < problems.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}. {problems[i]}");
        }

        text.AppendLine("Settings come from appsettings.json, environment variables (Switch__Ami__Host) and the command line (--Switch:Ami:Host=…); see docs/configuration.md.");
        return text.ToString();
    }

    private static bool Collect(Exception error, List<string> failures)
    {
        switch (error)
        {
            case OptionsValidationException validation:
                failures.AddRange(validation.Failures);
                return true;
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Collect(e, failures));
            default:
                return false;
        }
    }
}
