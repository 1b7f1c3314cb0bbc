using System.Text.RegularExpressions;
using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Tests.Support;

/// <summary>How closely a simulator message must match its recording.</summary>
internal enum Strictness
{
    /// <summary>Same header names in the same order, same values except the run-varying ones (which must look plausible).</summary>
    Exact,

    /// <summary>Same event name / response status and the same header names in the same order.</summary>
    Shape,
}

/// <summary>Compares a recorded message with the simulator's, and learns which recorded identifiers became which.</summary>
internal static partial class MessageComparer
{
    /// <summary>Values that differ from run to run on a real Asterisk, with the shape they must have.</summary>
    private static readonly Dictionary<string, Regex> RunVarying = new(StringComparer.Ordinal)
    {
        ["SessionID"] = SessionIdPattern(),
        ["EventTV"] = EventTvPattern(),
        ["SessionTV"] = EventTvPattern(),
        ["Uptime"] = NumberPattern(),
        ["LastReload"] = NumberPattern(),
        ["Timestamp"] = TimestampPattern(),
        ["Challenge"] = ChallengePattern(),
        ["RemoteAddress"] = AddressPattern(),
        ["LocalAddress"] = AddressPattern(),
        ["CoreStartupDate"] = DatePattern(),
        ["CoreReloadDate"] = DatePattern(),
        ["CoreStartupTime"] = TimePattern(),
        ["CoreReloadTime"] = TimePattern(),
        ["CoreCurrentCalls"] = NumberPattern(),
        ["CoreProcessedCalls"] = NumberPattern(),
    };

    private static readonly string[] IdentifierHeaders = ["Channel", "DestChannel", "Uniqueid", "UniqueID", "Linkedid", "DestUniqueid"];

    public static void AssertMatches(AmiMessage expected, AmiMessage actual, Strictness strictness, string where, IDictionary<string, string>? learned = null, ISet<string>? differing = null)
    {
        var expectedNames = Names(expected);
        var actualNames = Names(actual);
        Assert.True(expectedNames.SequenceEqual(actualNames),
            $"{where}: header names differ.{Environment.NewLine}recorded:  {string.Join(", ", expectedNames)}{Environment.NewLine}simulator: {string.Join(", ", actualNames)}");
        Assert.Equal(expected.GetValue(0), actual.GetValue(0));
        for (var i = 0; i < expected.Count; i++)
        {
            var name = expected.GetName(i);
            var recorded = expected.GetValue(i);
            var value = actual.GetValue(i);
            if (learned is not null && IdentifierHeaders.Contains(name) && recorded != value)
            {
                learned.TryAdd(recorded, value);
            }

            if (strictness == Strictness.Shape)
            {
                if (recorded != value)
                {
                    var variable = name == "Value" && expected["Variable"] is { } v ? $"({v})" : string.Empty;
                    differing?.Add($"{expected.GetValue(0)}.{name}{variable}");
                }

                continue;
            }

            if (RunVarying.TryGetValue(name, out var pattern))
            {
                Assert.True(pattern.IsMatch(value), $"{where}: {name} '{value}' does not look like Asterisk's ('{recorded}').");
                continue;
            }

            Assert.True(recorded == value, $"{where}: {name} is '{value}', recorded '{recorded}'.");
        }
    }

    public static List<string> Names(AmiMessage message) => [.. Enumerable.Range(0, message.Count).Select(message.GetName)];

    [GeneratedRegex(@"^0x[0-9a-f]{6,16}$")]
    private static partial Regex SessionIdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$")]
    private static partial Regex EventTvPattern();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\d{10}\.\d{6}$")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^\d{9}$")]
    private static partial Regex ChallengePattern();

    [GeneratedRegex(@"^IPV4/TCP/127\.0\.0\.1/\d{1,5}$")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}$")]
    private static partial Regex TimePattern();
}
