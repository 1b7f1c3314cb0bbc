using System.Text.Json;
using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Host.Configuration;

/// <summary>Turns <see cref="SimulatorOptions.OutcomeModel"/> (a name or a JSON file) into the simulator's outcome model.</summary>
public static class OutcomeModelSource
{
    /// <summary>The model the options name, with <see cref="SimulatorOptions.Seed"/> applied. Call <see cref="Check"/> first.</summary>
    public static OutcomeModel Load(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = options.OutcomeModel?.Trim() switch
        {
            var name when string.Equals(name, OutcomeModels.Demo, StringComparison.OrdinalIgnoreCase) => OutcomeModel.Demo,
            var name when string.Equals(name, OutcomeModels.Standard, StringComparison.OrdinalIgnoreCase) => new OutcomeModel(),
            var path => FromFile(path!, options.Scenario),
        };
        return options.Seed is { } seed ? model with { Seed = seed } : model;
    }

    /// <summary>Every problem with the model setting, each with its fix; empty when <see cref="Load"/> will succeed.</summary>
    public static IReadOnlyList<string> Check(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.OutcomeModel?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return [$"Simulator:OutcomeModel is empty. Set it to {string.Join(" or ", OutcomeModels.Named)}, or to the path of a pacebench scenario JSON file."];
        }

        if (OutcomeModels.Named.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return [];
        }

        if (!File.Exists(value))
        {
            return [$"Simulator:OutcomeModel '{value}' is neither {string.Join(" nor ", OutcomeModels.Named)} nor an existing file (looked in {Path.GetFullPath(value)}). Use a named model or the path of a pacebench scenario JSON file."];
        }

        try
        {
            _ = FromFile(value, options.Scenario);
            return [];
        }
        catch (OutcomeModelException error)
        {
            return [.. error.Problems.Select(p => $"Simulator:OutcomeModel file {value}: {p}")];
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException)
        {
            return [$"Simulator:OutcomeModel file {value} cannot be read as a pacebench scenario ({error.Message}). Fix the file or use a named model ({string.Join(", ", OutcomeModels.Named)})."];
        }
    }

    private static OutcomeModel FromFile(string path, string? scenario)
    {
        var json = File.ReadAllText(path);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("scenarios", out _))
        {
            var all = OutcomeModel.FromScenarioFileJson(json);
            if (all.Count == 0)
            {
                throw new OutcomeModelException(["the file has no scenario."]);
            }

            if (string.IsNullOrWhiteSpace(scenario))
            {
                return all[0];
            }

            return all.FirstOrDefault(s => string.Equals(s.Name, scenario, StringComparison.OrdinalIgnoreCase))
                ?? throw new OutcomeModelException([$"Simulator:Scenario '{scenario}' is not in the file; it has: {string.Join(", ", all.Select(s => s.Name))}."]);
        }

        return OutcomeModel.FromScenarioJson(json);
    }
}
