using System.Diagnostics.CodeAnalysis;

namespace Orchestrator.Core.Attempts;

/// <summary>
/// Identifies one dial attempt from the moment its row is written until its last leg is gone.
/// It travels with the call as a channel variable and as the switch's channel id, so that after a
/// reconnect the orchestrator can match live channels to attempts without guessing.
/// </summary>
/// <remarks>
/// Rendered as 32 lowercase hex digits: short enough for every switch's channel-id field
/// (Asterisk allows 150 bytes), and safe in dial strings, variables and URLs.
/// </remarks>
public readonly record struct AttemptId(Guid Value) : IParsable<AttemptId>
{
    /// <summary>A new, time-ordered id (UUID v7) whose timestamp comes from the injected clock.</summary>
    public static AttemptId New(TimeProvider time) => new(Guid.CreateVersion7(time.GetUtcNow()));

    public override string ToString() => Value.ToString("N");

    public static AttemptId Parse(string s, IFormatProvider? provider = null) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"'{s}' is not an attempt id (32 hex digits).");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AttemptId result)
    {
        if (s is not null && s.Length == 32 && Guid.TryParseExact(s, "N", out var guid))
        {
            result = new AttemptId(guid);
            return true;
        }

        result = default;
        return false;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out AttemptId result) => TryParse(s, null, out result);
}
