using System.Globalization;
using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Engine;

/// <summary>An Originate action, read the way Asterisk's manager.c reads it.</summary>
internal sealed record OriginateRequest
{
    public required DialString Dial { get; init; }

    public string? ActionId { get; init; }

    public string Context { get; init; } = string.Empty;

    public string Exten { get; init; } = string.Empty;

    public string Priority { get; init; } = string.Empty;

    public string Application { get; init; } = string.Empty;

    /// <summary>Ring timeout; 30 s when the action gives none.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Async { get; init; }

    public string? CallerIdName { get; init; }

    public string? CallerIdNum { get; init; }

    public string Account { get; init; } = string.Empty;

    public string? ChannelId { get; init; }

    public string? OtherChannelId { get; init; }

    /// <summary>The <c>Variable</c> headers, split on commas as Asterisk does, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Variables { get; init; } = [];

    /// <summary>The raw action (for anything a driver wants to read itself).</summary>
    public required AmiMessage Action { get; init; }

    public bool HasCallerId => CallerIdNum is not null || CallerIdName is not null;

    public string? Variable(string name) => Variables.FirstOrDefault(v => v.Key == name).Value;

    /// <summary>Asterisk's ast_callerid_parse: <c>"Name" &lt;num&gt;</c>, <c>Name &lt;num&gt;</c> or a bare number.</summary>
    public static (string? Name, string? Num) ParseCallerId(string? callerId)
    {
        if (string.IsNullOrWhiteSpace(callerId))
        {
            return (null, null);
        }

        var open = callerId.LastIndexOf('<');
        var close = callerId.LastIndexOf('>');
        if (open >= 0 && close > open)
        {
            var num = callerId[(open + 1)..close].Trim();
            var name = callerId[..open].Trim().Trim('"').Trim();
            return (name.Length == 0 ? null : name, num.Length == 0 ? null : num);
        }

        var bare = callerId.Trim().Trim('"');
        return bare.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#') ? (null, bare) : (bare, null);
    }

    public static IReadOnlyList<KeyValuePair<string, string>> ParseVariables(AmiMessage action)
    {
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var header in action.GetValues("Variable"))
        {
            foreach (var item in header.Split(','))
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    variables.Add(new(item[..equals].Trim(), item[(equals + 1)..]));
                }
            }
        }

        return variables;
    }

    public static bool TryParseTimeout(string? value, out TimeSpan timeout)
    {
        timeout = TimeSpan.FromSeconds(30);
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        timeout = TimeSpan.FromMilliseconds(Math.Max(0, ms));
        return true;
    }
}
