using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Control;
using Orchestrator.Simulator.Outcomes;

namespace Orchestrator.Simulator.Engine;

/// <summary>
/// The simulated Asterisk core: channels, bridges, the scheduler, identifiers and counters, all behind one gate.
/// Every action handler and every timer step takes <see cref="Gate"/>, so a call's events come out in one order
/// and every session sees the same order.
/// </summary>
internal sealed class SwitchCore : IDisposable
{
    private readonly Action<AmiMessage> _publish;
    private readonly List<ICallDriver> _drivers = [];

    public SwitchCore(TimeProvider time, long seed, OutcomeModel model, Action<AmiMessage> publish, int firstChannelSequence = 0)
    {
        Time = time;
        Model = model;
        _publish = publish;
        Scheduler = new SwitchScheduler(Gate, time);
        Ids = new SwitchIds(() => Scheduler.Now, seed, firstChannelSequence);
        StartedAt = time.GetLocalNow();
    }

    public object Gate { get; } = new();

    public TimeProvider Time { get; }

    public OutcomeModel Model { get; }

    public SwitchScheduler Scheduler { get; }

    public SwitchIds Ids { get; }

    public ChannelTracker Channels { get; } = new();

    public Dictionary<string, SimBridge> Conferences { get; } = new(StringComparer.Ordinal);

    public SimulatorCounters Counters { get; } = new();

    /// <summary>When the switch (re)started: Uptime, CoreStatus, LastReload count from here.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>How many originates have gone to the orchestrator dialplan's customer contexts (the default lead index).</summary>
    public long CustomerOriginates { get; set; }

    /// <summary>Now, for the calls (see <see cref="SwitchScheduler.Now"/>), in the switch's local time.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(Scheduler.Now, Time.LocalTimeZone);

    /// <summary>Records <paramref name="message"/> in the channel snapshots, then sends it to every session that wants it.</summary>
    public void Emit(AmiMessage message, ICallDriver? owner = null)
    {
        Channels.Observe(message, owner, Now);
        _publish(message);
    }

    public void Register(ICallDriver driver) => _drivers.Add(driver);

    public void Unregister(ICallDriver driver) => _drivers.Remove(driver);

    /// <summary>Forgets every call and channel without a word, as a crashed Asterisk would (see <see cref="Boot"/>).</summary>
    public void Reset()
    {
        foreach (var driver in _drivers.ToArray())
        {
            driver.Abandon();
        }

        _drivers.Clear();
        Scheduler.Clear();
        Channels.Clear();
        Conferences.Clear();
        Ids.Reset();
    }

    /// <summary>The switch is up again: Uptime counts from now.</summary>
    public void Boot() => StartedAt = Time.GetLocalNow();

    public void Dispose() => Scheduler.Dispose();
}
