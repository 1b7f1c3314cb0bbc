using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orchestrator.Data.Storage;

/// <summary>Stores a string dictionary as one JSON object in a text column.</summary>
public sealed class JsonDictionaryConverter() : ValueConverter<Dictionary<string, string>, string>(
    value => JsonSerializer.Serialize(value, JsonOptions),
    json => Deserialize(json))
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.General);

    /// <summary>Compares by content, so that changing one entry of a tracked dictionary is saved.</summary>
    public static ValueComparer<Dictionary<string, string>> Comparer { get; } = new(
        (left, right) => left != null && right != null && left.Count == right.Count && !left.Except(right).Any(),
        value => value.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
        value => new Dictionary<string, string>(value, StringComparer.Ordinal));

    private static Dictionary<string, string> Deserialize(string json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(
                JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonOptions) ?? [],
                StringComparer.Ordinal);
}
