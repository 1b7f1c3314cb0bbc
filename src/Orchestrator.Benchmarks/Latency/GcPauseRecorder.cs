using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// Records when the runtime stopped every managed thread for a GC (GCSuspendEEBegin → GCRestartEEEnd), in
/// <see cref="Stopwatch"/> ticks, so a slow answer-to-bridge sample can be checked against the pauses it overlapped.
/// </summary>
internal sealed class GcPauseRecorder : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Lock _gate = new();
    private readonly List<GcPause> _pauses = [];
    private long _baseTicks;
    private DateTime _baseUtc;
    private long _suspendedAt;

    public GcPauseRecorder()
    {
        _baseUtc = TimeProvider.System.GetUtcNow().UtcDateTime;
        _baseTicks = Stopwatch.GetTimestamp();
    }

    public IReadOnlyList<GcPause> Pauses
    {
        get
        {
            lock (_gate)
            {
                return [.. _pauses];
            }
        }
    }

    /// <summary>Whether [<paramref name="from"/>, <paramref name="to"/>] overlaps a recorded pause.</summary>
    public static bool Overlaps(IReadOnlyList<GcPause> pauses, long from, long to) =>
        pauses.Any(p => p.From <= to && p.To >= from);

    /// <summary>Milliseconds paused by the pauses that lie wholly inside [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static double PausedMilliseconds(IReadOnlyList<GcPause> pauses, long from, long to) =>
        pauses.Where(p => p.From >= from && p.To < to).Sum(p => (p.To - p.From) * 1000.0 / Stopwatch.Frequency);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (_baseTicks == 0)
        {
            return;
        }

        switch (eventData.EventName)
        {
            case "GCSuspendEEBegin_V1":
                _suspendedAt = ToTicks(eventData.TimeStamp);
                break;
            case "GCRestartEEEnd_V1" when _suspendedAt != 0:
                lock (_gate)
                {
                    _pauses.Add(new GcPause(_suspendedAt, ToTicks(eventData.TimeStamp)));
                }

                _suspendedAt = 0;
                break;
        }
    }

    private long ToTicks(DateTime utc) => _baseTicks + (long)((utc.ToUniversalTime() - _baseUtc).TotalSeconds * Stopwatch.Frequency);
}

/// <summary>One stop of every managed thread of a process for a GC, in <see cref="Stopwatch"/> ticks (CLOCK_MONOTONIC: comparable across processes on one host).</summary>
internal readonly record struct GcPause(long From, long To);
