namespace Orchestrator.Simulator.Engine;

/// <summary>
/// An Originate's <c>Channel</c>: <c>Local/5551230@sim-customers</c>, <c>Local/1001@agents/n</c>,
/// <c>PJSIP/agent1001</c>, <c>PJSIP/5551234@trunk</c>.
/// </summary>
internal sealed record DialString(string Raw, string Technology, string Resource)
{
    private static readonly string[] KnownTechnologies = ["Local", "PJSIP", "SIP", "IAX2", "DAHDI"];

    public bool IsLocal => string.Equals(Technology, "Local", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the technology is one Asterisk would have loaded (anything else fails like <c>Foo/bar</c>).</summary>
    public bool IsKnownTechnology => KnownTechnologies.Contains(Technology, StringComparer.OrdinalIgnoreCase);

    /// <summary>For Local: the extension before '@'.</summary>
    public string LocalExten => LocalTarget.Split('@')[0];

    /// <summary>For Local: the context after '@' (<c>default</c> when absent).</summary>
    public string LocalContext => LocalTarget.Split('@') is { Length: > 1 } parts ? parts[1] : "default";

    /// <summary>For Local: <c>exten@context</c> without the <c>/n</c> options.</summary>
    public string LocalTarget => Resource.Split('/')[0];

    /// <summary>Local <c>/n</c>: no optimization.</summary>
    public bool NoOptimization => Resource.Split('/') is { Length: > 1 } parts && parts[1].Contains('n', StringComparison.Ordinal);

    /// <summary>The name prefix of the channel Asterisk creates: <c>Local/exten@ctx</c>, or <c>PJSIP/endpoint</c>.</summary>
    public string ChannelPrefix => IsLocal ? $"{Technology}/{LocalTarget}" : $"{Technology}/{Endpoint}";

    /// <summary>The endpoint of a non-Local dial string: <c>agent1001</c> in <c>PJSIP/agent1001</c>, <c>trunk</c> in <c>PJSIP/5551234@trunk</c>.</summary>
    public string Endpoint
    {
        get
        {
            var at = Resource.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                return Resource[(at + 1)..];
            }

            var slash = Resource.IndexOf('/', StringComparison.Ordinal);
            return slash >= 0 ? Resource[..slash] : Resource;
        }
    }

    /// <summary>The <c>DialString</c> header of DialBegin: what follows the technology.</summary>
    public string DialBeginString => IsLocal ? LocalTarget : Resource;

    public static DialString? Parse(string raw)
    {
        var slash = raw.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == raw.Length - 1 ? null : new DialString(raw, raw[..slash], raw[(slash + 1)..]);
    }
}
