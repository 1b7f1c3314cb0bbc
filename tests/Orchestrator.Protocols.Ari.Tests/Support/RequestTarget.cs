using System.Net;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>A request target split into its decoded path and its query parameters (order kept, values decoded, '+' read as a space).</summary>
internal sealed record RequestTarget(string Path, IReadOnlyList<KeyValuePair<string, string>> Query)
{
    public static RequestTarget Parse(string target)
    {
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(question < 0 ? target : target[..question]);
        var query = new List<KeyValuePair<string, string>>();
        if (question >= 0)
        {
            foreach (var pair in target[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? pair : pair[..eq];
                var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
                query.Add(new(WebUtility.UrlDecode(name), WebUtility.UrlDecode(value)));
            }
        }

        return new RequestTarget(path, query);
    }

    /// <summary>The path relative to <c>/ari/</c>.</summary>
    public string AriPath => Path.StartsWith("/ari/", StringComparison.Ordinal) ? Path["/ari/".Length..] : Path.TrimStart('/');

    public string[] Segments => AriPath.Split('/');

    public string? this[string name] => Query.FirstOrDefault(q => q.Key == name).Value;

    /// <summary>Same path, same parameters in any order.</summary>
    public bool SameAs(RequestTarget other) =>
        Path == other.Path
        && Query.Select(q => $"{q.Key}={q.Value}").Order(StringComparer.Ordinal)
            .SequenceEqual(other.Query.Select(q => $"{q.Key}={q.Value}").Order(StringComparer.Ordinal));

    public override string ToString() => $"{Path}?{string.Join('&', Query.Select(q => $"{q.Key}={q.Value}"))}";
}
