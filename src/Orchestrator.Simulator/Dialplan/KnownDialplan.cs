namespace Orchestrator.Simulator.Dialplan;

/// <summary>
/// The extensions the simulated Asterisk has: the lab dialplan of the recordings plus
/// <c>asterisk-conf/extensions_orchestrator.conf</c>. Originate checks an extension exists, as manager.c does.
/// </summary>
public static class KnownDialplan
{
    public const string CustomerContext = "orchestrator-customer";
    public const string AgentContext = "orchestrator-agent";
    public const string ConnectContext = "orchestrator-connect";
    public const string SafeHarborContext = "orchestrator-safe-harbor";
    public const string HangupContext = "orchestrator-hangup";
    public const string SpyContext = "orchestrator-spy";
    public const string TransferContext = "orchestrator-transfer";

    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.Ordinal)
    {
        [CustomerContext] = ["s", "amd"],
        [AgentContext] = ["_X!"],
        [ConnectContext] = ["_X!"],
        [SafeHarborContext] = ["s"],
        [HangupContext] = ["s"],
        [SpyContext] = ["listen", "whisper", "barge"],
        [TransferContext] = ["_X!"],
        ["sim-customers"] = ["_X."],
        ["sim-behaviour"] = ["_[0-4]", "5", "6", "7", "8", "9"],
        ["outbound-message"] = ["s"],
        ["outbound-amd"] = ["s"],
        ["connect-to-agent"] = ["_10XX", "_20XX", "queue"],
        ["to-stasis"] = ["_X.", "s"],
        ["hold-line"] = ["s"],
        ["sim-agents"] = ["_20XX"],
        ["agents"] = ["_10XX", "_20XX", "_X.", "echo"],
    };

    /// <summary>Every context with its extension patterns, in a stable order (ShowDialPlan).</summary>
    public static IEnumerable<(string Context, IReadOnlyList<string> Extensions)> Contexts =>
        Extensions.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, (IReadOnlyList<string>)e.Value));

    /// <summary>Whether the orchestrator's dialplan (not the lab's) owns <paramref name="context"/>.</summary>
    public static bool IsOrchestratorContext(string context) =>
        context is CustomerContext or AgentContext or ConnectContext or SafeHarborContext or SpyContext or TransferContext;

    public static bool Exists(string context, string exten) =>
        Extensions.TryGetValue(context, out var patterns) && patterns.Any(p => Matches(p, exten));

    /// <summary>Asterisk pattern matching for the patterns used here: X, Z, N, [a-b], '.' and '!'.</summary>
    public static bool Matches(string pattern, string exten)
    {
        if (!pattern.StartsWith('_'))
        {
            return string.Equals(pattern, exten, StringComparison.OrdinalIgnoreCase);
        }

        var p = 1;
        var e = 0;
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '.')
            {
                return e < exten.Length;
            }

            if (c == '!')
            {
                return true;
            }

            if (e >= exten.Length)
            {
                return false;
            }

            var x = exten[e];
            switch (c)
            {
                case 'X' when !char.IsAsciiDigit(x):
                case 'Z' when x is < '1' or > '9':
                case 'N' when x is < '2' or > '9':
                    return false;
                case '[':
                    var close = pattern.IndexOf(']', p);
                    if (close < 0 || !InClass(pattern[(p + 1)..close], x))
                    {
                        return false;
                    }

                    p = close;
                    break;
                case 'X' or 'Z' or 'N':
                    break;
                default:
                    if (c != x)
                    {
                        return false;
                    }

                    break;
            }

            p++;
            e++;
        }

        return e == exten.Length;
    }

    private static bool InClass(string set, char x)
    {
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                if (x >= set[i] && x <= set[i + 2])
                {
                    return true;
                }

                i += 2;
            }
            else if (set[i] == x)
            {
                return true;
            }
        }

        return false;
    }
}
