using System.Text.Json;

namespace Orchestrator.Simulator.Outcomes;

public sealed partial record OutcomeModel
{
    /// <summary>camelCase, case-insensitive, unknown fields ignored: a whole pacebench scenario object loads as a model.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A model from one pacebench scenario object (<c>{"name": …, "outcomes": …, "pickupSeconds": …}</c>), validated.</summary>
    public static OutcomeModel FromScenarioJson(string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(json);
        var model = JsonSerializer.Deserialize<OutcomeModel>(json, JsonOptions)
            ?? throw new OutcomeModelException(["The JSON is null; expected a pacebench scenario object."]);
        return model.EnsureValid();
    }

    /// <summary>Every scenario of a pacebench file (<c>{"scenarios": [ … ]}</c>), each validated.</summary>
    public static IReadOnlyList<OutcomeModel> FromScenarioFileJson(string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(json);
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("scenarios", out var scenarios) || scenarios.ValueKind != JsonValueKind.Array)
        {
            throw new OutcomeModelException(["A pacebench file is {\"scenarios\": [ … ]}; no \"scenarios\" array was found."]);
        }

        return [.. scenarios.EnumerateArray().Select(s => FromScenarioJson(s.GetRawText()))];
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
