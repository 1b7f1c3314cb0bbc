using System.Text.Json;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>JSON comparisons that ignore formatting.</summary>
internal static class JsonAssert
{
    /// <summary>
    /// Every property of <paramref name="expected"/> is in <paramref name="actual"/> with an equal value
    /// (arrays element by element): what Asterisk sent is all there in what the typed model read.
    /// </summary>
    public static void Covers(JsonElement expected, JsonElement actual, string path = "$")
    {
        var problems = new List<string>();
        Compare(expected, actual, path, problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> problems)
    {
        if (expected.ValueKind != actual.ValueKind
            && !(expected.ValueKind is JsonValueKind.True or JsonValueKind.False && actual.ValueKind is JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add($"{path}: expected {expected.ValueKind} {Short(expected)}, got {actual.ValueKind} {Short(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var value))
                    {
                        problems.Add($"{path}.{property.Name}: missing (expected {Short(property.Value)})");
                        continue;
                    }

                    Compare(property.Value, value, $"{path}.{property.Name}", problems);
                }

                break;

            case JsonValueKind.Array:
                var e = expected.EnumerateArray().ToList();
                var a = actual.EnumerateArray().ToList();
                if (e.Count != a.Count)
                {
                    problems.Add($"{path}: expected {e.Count} items, got {a.Count}");
                    break;
                }

                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], $"{path}[{i}]", problems);
                }

                break;

            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                {
                    problems.Add($"{path}: expected '{expected.GetString()}', got '{actual.GetString()}'");
                }

                break;

            case JsonValueKind.Number:
                if (expected.GetDecimal() != actual.GetDecimal())
                {
                    problems.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                }

                break;

            default:
                if (expected.ValueKind != actual.ValueKind)
                {
                    problems.Add($"{path}: expected {expected.ValueKind}, got {actual.ValueKind}");
                }

                break;
        }
    }

    private static string Short(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 80 ? text[..80] + "..." : text;
    }
}
