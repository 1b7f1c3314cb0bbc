using System.Globalization;
using System.Text;

namespace Orchestrator.Protocols.Ari.Rest;

/// <summary>Builds <c>path?name=value&amp;...</c> for ARI: every value escaped, absent (null) values left out.</summary>
internal sealed class AriQuery
{
    private readonly StringBuilder _text = new();
    private bool _hasQuery;

    private AriQuery(string path) => _text.Append(path);

    public static AriQuery For(string path) => new(path);

    /// <summary>Escapes one path segment (an id chosen by the caller may contain anything).</summary>
    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    public AriQuery Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_hasQuery ? '&' : '?').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    public AriQuery Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public AriQuery Add(string name, bool? value) => Add(name, value switch { null => null, true => "true", false => "false" });

    /// <summary>A list parameter: ARI takes several values comma-separated.</summary>
    public AriQuery Add(string name, IEnumerable<string>? values) =>
        values is null ? this : Add(name, string.Join(',', values) is { Length: > 0 } joined ? joined : null);

    public override string ToString() => _text.ToString();
}
