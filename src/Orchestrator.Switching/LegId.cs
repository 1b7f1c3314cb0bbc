using Orchestrator.Core.Attempts;

namespace Orchestrator.Switching;

/// <summary>
/// The orchestrator's name for one call leg. Adapters map it to and from the switch's own
/// identifiers (channel name, unique id, UUID) and carry it on the channel, so it survives reconnects.
/// </summary>
/// <remarks>
/// Customer legs are named by their attempt id; agent legs by <c>agent-{agentId}-{sequence}</c>, the sequence unique
/// to each leg the orchestrator opens (across logins and restarts), so a new leg never takes the id of an old one
/// the switch may still have.
/// Values are restricted to <c>[A-Za-z0-9-]</c> so that they are safe in every dial string and URL.
/// </remarks>
public readonly record struct LegId
{
    private const string AgentPrefix = "agent-";

    public LegId(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{value}' is not a leg id: use 1-64 characters from [A-Za-z0-9-].", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public bool IsAgentLeg => Value.StartsWith(AgentPrefix, StringComparison.Ordinal);

    public static LegId ForAttempt(AttemptId attempt) => new(attempt.ToString());

    /// <summary>An agent's nailed-up leg; <paramref name="sequence"/> tells the agent's successive legs apart.</summary>
    public static LegId ForAgent(long agentId, long sequence) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{AgentPrefix}{agentId}-{sequence}"));

    /// <summary>
    /// The agent an agent leg (<c>agent-{agentId}-{sequence}</c>, exactly) belongs to. Anything longer is not an agent
    /// leg: the other half of a Local channel, for one, which adapters name <c>{leg}-2</c>.
    /// </summary>
    public bool TryGetAgent(out long agentId)
    {
        agentId = 0;
        if (!IsAgentLeg)
        {
            return false;
        }

        var rest = Value.AsSpan(AgentPrefix.Length);
        var dash = rest.IndexOf('-');
        return dash > 0 && dash < rest.Length - 1 && !rest[(dash + 1)..].ContainsAnyExceptInRange('0', '9')
            && long.TryParse(rest[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out agentId);
    }

    public bool TryGetAttempt(out AttemptId attempt) => AttemptId.TryParse(Value, out attempt);

    public static bool TryParse(string? value, out LegId leg)
    {
        if (!string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            leg = new LegId(value);
            return true;
        }

        leg = default;
        return false;
    }

    public override string ToString() => Value ?? string.Empty;
}
