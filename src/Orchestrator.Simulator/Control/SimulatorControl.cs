using System.Collections.Concurrent;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Ami;

namespace Orchestrator.Simulator.Control;

/// <summary>
/// The simulator's control surface, for tests and demos: inject events, drop connections, answer actions late
/// or fail them, restart the "Asterisk", and look at sessions, channels and counters. In-process only.
/// </summary>
public sealed class SimulatorControl
{
    private readonly AsteriskAmiSimulator _simulator;
    private readonly ConcurrentDictionary<string, ActionFault> _faults = new(StringComparer.OrdinalIgnoreCase);

    internal SimulatorControl(AsteriskAmiSimulator simulator) => _simulator = simulator;

    public SimulatorCounters Counters => _simulator.Core.Counters;

    /// <summary>The connected manager sessions.</summary>
    public IReadOnlyList<SimulatedSession> Sessions =>
        [.. _simulator.Sessions.OrderBy(s => s.Id).Select(s => new SimulatedSession(s.Id, s.SessionId, s.RemotePort, s.Authenticated, s.Username, s.ConnectedAt))];

    /// <summary>The live channels, oldest first.</summary>
    public IReadOnlyList<SimulatedChannel> Channels
    {
        get
        {
            var core = _simulator.Core;
            lock (core.Gate)
            {
                return [.. core.Channels.All.Select(c => new SimulatedChannel(
                    c.Name, c.Uniqueid, c.Linkedid, c.State, Engine.ChannelStates.Describe(c.State), c.Context, c.Exten, c.Priority,
                    c.Application, c.ApplicationData, c.BridgeId,
                    c.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), c.Created))];
            }
        }
    }

    /// <summary>
    /// Benchmark hook: sees what each session writes and reads (<see cref="IAmiWireTap"/>). Null by default.
    /// Set it before clients connect; a session keeps the tap it found when it opened.
    /// </summary>
    public IAmiWireTap? WireTap { get; set; }

    /// <summary>Steps waiting on the clock (a test can advance a fake clock until none are left).</summary>
    public int PendingTimers => _simulator.Core.Scheduler.Pending;

    /// <summary>Sends <paramref name="message"/> as is to every logged-in session; returns how many got it.</summary>
    public int Inject(AmiMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var count = 0;
        lock (_simulator.Core.Gate)
        {
            foreach (var session in _simulator.Sessions)
            {
                if (session.Authenticated)
                {
                    session.SendRaw(message);
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Sends <paramref name="message"/> as is to one session (logged in or not).</summary>
    public bool Inject(long sessionId, AmiMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_simulator.Core.Gate)
        {
            if (_simulator.Session(sessionId) is not { } session)
            {
                return false;
            }

            session.SendRaw(message);
            return true;
        }
    }

    /// <summary>Cuts every connection at once (no Goodbye, a TCP reset); calls go on. Returns how many were cut.</summary>
    public int DropConnections() => _simulator.DropAll("dropped by the control surface");

    /// <summary>Cuts one connection.</summary>
    public bool DropConnection(long sessionId) => _simulator.Drop(sessionId, "dropped by the control surface");

    /// <summary>Answers every <paramref name="action"/> (e.g. <c>Ping</c>) only after <paramref name="delay"/> on the simulator's clock.</summary>
    public void DelayAction(string action, TimeSpan delay, int? times = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        _faults[action] = new ActionFault { Delay = delay, Remaining = times };
    }

    /// <summary>Answers <paramref name="action"/> with <c>Response: Error</c> and <paramref name="message"/> instead of running it.</summary>
    public void FailAction(string action, string message, int? times = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(message);
        _faults[action] = new ActionFault { FailMessage = message, Remaining = times };
    }

    /// <summary>Removes every delay and failure.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>
    /// Restarts the simulated Asterisk: every connection dropped (after a <c>Shutdown</c> event when
    /// <paramref name="graceful"/>), every channel forgotten, connections refused for <paramref name="downtime"/>
    /// (on the simulator's clock), then accepted again; a login then gets FullyBooted with a small Uptime.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime, bool graceful = false, CancellationToken cancellationToken = default)
    {
        var core = _simulator.Core;
        int channels;
        var sessions = _simulator.Sessions;
        lock (core.Gate)
        {
            channels = core.Channels.Count;
            if (graceful)
            {
                core.Emit(Ami.ServerEvents.Shutdown(restart: true));
            }
        }

        // The delay exists before the restart is visible, so a fake clock advanced right after cannot outrun it.
        var wait = Task.Delay(downtime, _simulator.Time, cancellationToken);
        _simulator.StopListening();
        if (graceful)
        {
            foreach (var session in sessions)
            {
                session.CloseAfterFlush("restart");
            }
        }
        else
        {
            _simulator.DropAll("restart");
        }

        lock (core.Gate)
        {
            core.Reset();
            _simulator.UptimeOffset = TimeSpan.Zero;
            _simulator.GlobalVariables.Clear();
        }

        SimulatorLog.Restarting(_simulator.Logger, sessions.Count, channels, downtime);
        await wait.ConfigureAwait(false);
        lock (core.Gate)
        {
            core.Boot();
        }

        _simulator.ResumeListening();
    }

    internal ActionFault? TakeFault(string action)
    {
        if (!_faults.TryGetValue(action, out var fault))
        {
            return null;
        }

        lock (fault)
        {
            if (fault.Remaining is { } remaining)
            {
                if (remaining <= 0)
                {
                    _faults.TryRemove(action, out _);
                    return null;
                }

                fault.Remaining = remaining - 1;
            }
        }

        return fault;
    }
}
