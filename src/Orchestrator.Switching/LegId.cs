using Orchestrator.Core.Attempts;

namespace Orchestrator.Switching;

/// <summary>
/// The orchestrator's name for one call leg. Adapters map it to and from the switch's own
/// identifiers (channel name, unique id, UUID) and carry it on the channel, so it survives reconnects.
/// </summary>
/// <remarks>
/// Customer legs are named by their attempt id; agent legs by <c>agent-{agentId}-{session}</c>.
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

    /// <summary>An agent's nailed-up leg; <paramref name="session"/> tells successive logins apart.</summary>
    public static LegId ForAgent(long agentId, int session) => new($"{AgentPrefix}{agentId}-{session}");

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
