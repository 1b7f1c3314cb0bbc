using Orchestrator.Core.Attempts;

namespace Orchestrator.State.InMemory;

/// <summary>
/// Per key, the attempts recorded and when. What falls out of a key's window is trimmed when the key is next
/// recorded, and keys left idle past their window are swept now and then, so memory follows live keys only.
/// </summary>
internal sealed class InMemoryFrequencyCounter(TimeProvider timeProvider) : IFrequencyCounter
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public Task<bool> TryRecordAsync(string key, AttemptId attempt, DateTimeOffset now, TimeSpan window, int cap, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            SweepIdleKeys();
            if (!_windows.TryGetValue(key, out var recorded))
            {
                recorded = new Window();
                _windows[key] = recorded;
            }

            recorded.Length = window;
            recorded.TrimBefore(now - window);
            if (recorded.Attempts.TryGetValue(attempt, out var at) && InWindow(at, now, window))
            {
                return Task.FromResult(true);
            }

            if (recorded.Attempts.Values.Count(t => InWindow(t, now, window)) >= cap)
            {
                return Task.FromResult(false);
            }

            recorded.Attempts[attempt] = now;
            return Task.FromResult(true);
        }
    }

    public Task<int> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var count = _windows.TryGetValue(key, out var recorded) ? recorded.Attempts.Values.Count(t => InWindow(t, now, window)) : 0;
            return Task.FromResult(count);
        }
    }

    // The window is (now − window, now]: an attempt exactly one window old no longer counts.
    private static bool InWindow(DateTimeOffset at, DateTimeOffset now, TimeSpan window) => at > now - window && at <= now;

    private void SweepIdleKeys()
    {
        var now = timeProvider.GetUtcNow();
        if (now - _lastSweep < SweepInterval)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, recorded) in _windows)
        {
            recorded.TrimBefore(now - recorded.Length);
            if (recorded.Attempts.Count == 0)
            {
                _windows.Remove(key);
            }
        }
    }

    private sealed class Window
    {
        public Dictionary<AttemptId, DateTimeOffset> Attempts { get; } = [];

        public TimeSpan Length { get; set; }

        public void TrimBefore(DateTimeOffset oldestKept)
        {
            foreach (var (attempt, at) in Attempts)
            {
                if (at <= oldestKept)
                {
                    Attempts.Remove(attempt);
                }
            }
        }
    }
}
