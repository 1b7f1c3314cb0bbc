using System.Text;

namespace Orchestrator.Simulator.Lab;

/// <summary>
/// Replaces recorded identifiers inside header values in one left-to-right pass: at each position the longest
/// token that starts there wins, and a token only matches between non-alphanumeric neighbours, so
/// <c>1795463452.17</c> never rewrites part of <c>1795463452.170</c> and a replacement is never rewritten again.
/// </summary>
internal sealed class TokenReplacer
{
    private readonly Dictionary<char, List<KeyValuePair<string, string>>> _byFirstChar = [];

    public int Count { get; private set; }

    /// <summary>Adds a token (an identity mapping too, so it counts as known); the first mapping of a token wins.</summary>
    public void Add(string token, string replacement)
    {
        if (token.Length == 0)
        {
            return;
        }

        if (!_byFirstChar.TryGetValue(token[0], out var list))
        {
            list = [];
            _byFirstChar[token[0]] = list;
        }

        if (list.Exists(t => t.Key == token))
        {
            return;
        }

        list.Add(new(token, replacement));
        list.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        Count++;
    }

    public bool Contains(string token) =>
        token.Length > 0 && _byFirstChar.TryGetValue(token[0], out var list) && list.Exists(t => t.Key == token);

    public string Replace(string value)
    {
        if (Count == 0 || value.Length == 0)
        {
            return value;
        }

        StringBuilder? output = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < value.Length)
        {
            if ((i == 0 || !char.IsLetterOrDigit(value[i - 1])) && _byFirstChar.TryGetValue(value[i], out var candidates))
            {
                var matched = false;
                foreach (var (token, replacement) in candidates)
                {
                    var end = i + token.Length;
                    if (end <= value.Length && string.CompareOrdinal(value, i, token, 0, token.Length) == 0
                        && (end == value.Length || !char.IsLetterOrDigit(value[end])))
                    {
                        output ??= new StringBuilder(value.Length + 16);
                        output.Append(value, copiedUpTo, i - copiedUpTo).Append(replacement);
                        i = copiedUpTo = end;
                        matched = true;
                        break;
                    }
                }

                if (matched)
                {
                    continue;
                }
            }

            i++;
        }

        return output is null ? value : output.Append(value, copiedUpTo, value.Length - copiedUpTo).ToString();
    }
}
