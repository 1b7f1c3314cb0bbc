using Orchestrator.Core.Attempts;

namespace Orchestrator.State;

/// <summary>
/// Sliding-window attempt counts per key (a phone number, a lead), checked and incremented in one
/// atomic step so that two instances cannot both take the last allowed attempt.
/// </summary>
/// <remarks>
/// A key is used with one window (one policy per key, e.g. <c>phone:+3312345678:day</c>): what falls out of the
/// window passed to <see cref="TryRecordAsync"/> may be discarded, so a larger window in <see cref="CountAsync"/> does
/// not see further back.
/// </remarks>
public interface IFrequencyCounter
{
    /// <summary>
    /// Counts the attempts recorded for <paramref name="key"/> in (<paramref name="now"/> − <paramref name="window"/>,
    /// <paramref name="now"/>]. When fewer than <paramref name="cap"/>, records <paramref name="attempt"/> at
    /// <paramref name="now"/> and returns true; otherwise records nothing and returns false. Idempotent: an attempt
    /// already recorded inside the window returns true without counting twice.
    /// </summary>
    Task<bool> TryRecordAsync(string key, AttemptId attempt, DateTimeOffset now, TimeSpan window, int cap, CancellationToken cancellationToken);

    /// <summary>Attempts recorded for <paramref name="key"/> in (<paramref name="now"/> − <paramref name="window"/>, <paramref name="now"/>].</summary>
    Task<int> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}
