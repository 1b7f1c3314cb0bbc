namespace Orchestrator.Simulator.Engine;

/// <summary>
/// Every delayed step of every call on one <see cref="TimeProvider"/> timer. Steps due at the same instant run
/// in the order they were scheduled, under the core's gate, so replays are deterministic under a fake clock.
/// </summary>
internal sealed class SwitchScheduler : IDisposable
{
    private readonly object _gate;
    private readonly TimeProvider _time;
    private readonly PriorityQueue<ScheduledStep, (DateTimeOffset Due, long Sequence)> _queue = new();
    private readonly ITimer _timer;
    private long _sequence;
    private bool _pumping;
    private bool _disposed;
    private DateTimeOffset? _armedFor;
    private DateTimeOffset? _runningDue;

    public SwitchScheduler(object gate, TimeProvider time)
    {
        _gate = gate;
        _time = time;
        _timer = time.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The current time for the calls: while a step runs, the time it was due (a fake clock advanced in one jump
    /// still sees every step at its own instant, so follow-up steps and timestamps keep their spacing).
    /// </summary>
    public DateTimeOffset Now => _runningDue ?? _time.GetUtcNow();

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="step"/> after <paramref name="delay"/>. Call under the gate.</summary>
    public ScheduledStep After(TimeSpan delay, Action step)
    {
        var due = Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
        var scheduled = new ScheduledStep(step, due);
        _queue.Enqueue(scheduled, (due, _sequence++));
        if (!_pumping)
        {
            Arm();
        }

        return scheduled;
    }

    /// <summary>Forgets every step (a restart).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _armedFor = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _queue.Clear();
        }

        _timer.Dispose();
    }

    private void Pump()
    {
        lock (_gate)
        {
            if (_pumping || _disposed)
            {
                return;
            }

            _pumping = true;
            _armedFor = null;
            try
            {
                while (_queue.TryPeek(out var next, out var key) && key.Due <= _time.GetUtcNow())
                {
                    _queue.Dequeue();
                    if (!next.Cancelled)
                    {
                        _runningDue = key.Due;
                        next.Run();
                    }
                }
            }
            finally
            {
                _runningDue = null;
                _pumping = false;
                Arm();
            }
        }
    }

    private void Arm()
    {
        if (_disposed)
        {
            return;
        }

        while (_queue.TryPeek(out var head, out _) && head.Cancelled)
        {
            _queue.Dequeue();
        }

        if (!_queue.TryPeek(out _, out var key))
        {
            return;
        }

        if (_armedFor is { } armed && armed <= key.Due)
        {
            return;
        }

        _armedFor = key.Due;
        var wait = key.Due - _time.GetUtcNow();
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }
}

/// <summary>A step waiting in the <see cref="SwitchScheduler"/>; cancelling it makes the scheduler skip it.</summary>
internal sealed class ScheduledStep
{
    private readonly Action _step;

    public ScheduledStep(Action step, DateTimeOffset due)
    {
        _step = step;
        Due = due;
    }

    public DateTimeOffset Due { get; }

    public bool Cancelled { get; private set; }

    public void Cancel() => Cancelled = true;

    public void Run() => _step();
}
