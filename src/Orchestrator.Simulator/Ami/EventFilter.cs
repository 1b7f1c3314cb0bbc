using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Ami;

/// <summary>
/// Which events a session receives, from <c>Events:</c> at login or <c>Action: Events EventMask:</c>: everything
/// (no header, <c>on</c>, <c>yes</c>…), nothing (<c>off</c>, <c>no</c>…), or a list of classes
/// (<c>call,system</c>) matched against each event's <c>Privilege</c>.
/// </summary>
internal sealed class EventFilter
{
    private static readonly string[] TrueWords = ["yes", "true", "y", "t", "1", "on"];
    private static readonly string[] FalseWords = ["no", "false", "n", "f", "0", "off"];
    private readonly HashSet<string>? _classes;

    private EventFilter(bool all, HashSet<string>? classes)
    {
        All = all;
        _classes = classes;
    }

    public static EventFilter Everything { get; } = new(true, null);

    public static EventFilter Nothing { get; } = new(false, []);

    public bool All { get; }

    /// <summary>Whether any event can pass (<c>Events: On</c> in the reply).</summary>
    public bool IsOn => All || _classes is { Count: > 0 };

    public static EventFilter Parse(string? mask)
    {
        if (mask is null)
        {
            return Everything;
        }

        var trimmed = mask.Trim();
        if (TrueWords.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return Everything;
        }

        if (trimmed.Length == 0 || FalseWords.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return Nothing;
        }

        var classes = new HashSet<string>(trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        return classes.Contains("all") ? Everything : new EventFilter(false, classes);
    }

    public bool Allows(AmiMessage message)
    {
        if (All)
        {
            return true;
        }

        if (_classes is not { Count: > 0 } classes || message["Privilege"] is not { } privilege)
        {
            return false;
        }

        foreach (var item in privilege.Split(','))
        {
            if (classes.Contains(item.Trim()))
            {
                return true;
            }
        }

        return false;
    }

    public bool Allows(string eventClass) => All || (_classes?.Contains(eventClass) ?? false);
}
