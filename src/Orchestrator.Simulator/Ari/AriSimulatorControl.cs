using System.Collections.Concurrent;
using System.Text;
using Orchestrator.Simulator.Ari.Http;

namespace Orchestrator.Simulator.Ari;

/// <summary>
/// The ARI simulator's control surface, for tests and demos: inject events, drop the events sockets (or every
/// connection), answer requests late or fail them, restart the "Asterisk" (refused, then 503 while starting),
/// hang channels up from the far end, and look at channels, bridges, requests and counters. In-process only.
/// </summary>
public sealed class AriSimulatorControl
{
    private const int MaxRequestsKept = 10_000;
    private readonly AsteriskAriSimulator _simulator;
    private readonly ConcurrentDictionary<string, RequestFault> _faults = new(StringComparer.Ordinal);
    private readonly Queue<AriSeenRequest> _requests = new();

    internal AriSimulatorControl(AsteriskAriSimulator simulator) => _simulator = simulator;

    public AriSimulatorCounters Counters => _simulator.Counters;

    /// <summary>The live channels, oldest first.</summary>
    public IReadOnlyList<AriSimulatedChannel> Channels
    {
        get
        {
            lock (_simulator.Switch.Gate)
            {
                return [.. _simulator.Switch.Channels.Select(c => new AriSimulatedChannel(
                    c.Id, c.Name, c.State, c.StasisApp, c.Bridge?.Id, $"{c.Context},{c.Exten},{c.Priority} {c.AppName}({c.AppData})",
                    c.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), c.SnoopTarget?.Id, c.Spy, c.Whisper, c.Created))];
            }
        }
    }

    public IReadOnlyList<AriSimulatedBridge> Bridges
    {
        get
        {
            lock (_simulator.Switch.Gate)
            {
                return [.. _simulator.Switch.Bridges.Select(b => new AriSimulatedBridge(b.Id, b.Type, b.Name, [.. b.Members.Select(m => m.Id)], b.Recording?.Name))];
            }
        }
    }

    /// <summary>The Stasis applications registered now (an events socket is open for each).</summary>
    public IReadOnlyList<string> Applications
    {
        get
        {
            lock (_simulator.Switch.Gate)
            {
                return _simulator.RegisteredApplications;
            }
        }
    }

    /// <summary>The names of the recordings in the <c>recording/</c> spool folder.</summary>
    public IReadOnlyList<string> StoredRecordings
    {
        get
        {
            lock (_simulator.Switch.Gate)
            {
                return [.. _simulator.Switch.StoredRecordings.Select(r => r.Name)];
            }
        }
    }

    /// <summary>The REST requests and upgrades received (the last 10,000), oldest first.</summary>
    public IReadOnlyList<AriSeenRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Steps waiting on the clock (a test can advance a fake clock until none are left).</summary>
    public int PendingTimers => _simulator.Switch.Scheduler.Pending;

    /// <summary>Sends <paramref name="json"/> as a text frame to every events socket (of <paramref name="application"/>); returns how many got it.</summary>
    public int Inject(string json, string? application = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return _simulator.Inject(Encoding.UTF8.GetBytes(json), application);
    }

    /// <summary>
    /// Cuts every events WebSocket (a TCP reset, no Close frame); calls go on, their events are lost until the
    /// application registers again. Upgrades are answered 503 for <paramref name="refuseUpgradesFor"/>. Returns how many were cut.
    /// </summary>
    public int DropEventSockets(TimeSpan refuseUpgradesFor = default) => _simulator.DropEventSockets(refuseUpgradesFor);

    /// <summary>Cuts every connection, REST and WebSocket alike; calls go on.</summary>
    public int DropConnections() => _simulator.DropAll();

    /// <summary>
    /// Answers requests matching <paramref name="route"/> only after <paramref name="delay"/> on the simulator's clock.
    /// The request is carried out at once (Asterisk did the work; its answer is late). <paramref name="route"/> is a method
    /// and a path below <c>/ari</c>, <c>*</c> matching one segment: <c>POST /channels</c>, <c>DELETE /channels/*</c>.
    /// </summary>
    public void DelayRequest(string route, TimeSpan delay, int? times = null) =>
        _faults[Normalize(route)] = new RequestFault(Parse(route)) { Delay = delay, Remaining = times };

    /// <summary>Answers requests matching <paramref name="route"/> with <paramref name="status"/> and <c>{"message": …}</c>, without carrying them out.</summary>
    public void FailRequest(string route, int status, string message, int? times = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _faults[Normalize(route)] = new RequestFault(Parse(route)) { Status = status, Message = message, Remaining = times };
    }

    /// <summary>Removes every delay and failure.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>
    /// Restarts the simulated Asterisk: every connection cut, every channel, bridge and registration forgotten (stored
    /// recordings stay), connections refused for <paramref name="downtime"/>, then every request and upgrade answered 503
    /// for <paramref name="startingFor"/> (on the simulator's clock), then business as usual: clients must register again.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime, TimeSpan startingFor = default, CancellationToken cancellationToken = default)
    {
        var core = _simulator.Switch;
        var wait = Task.Delay(downtime, _simulator.Time, cancellationToken);
        _simulator.StopListening();
        var connections = _simulator.DropAll();
        int channels;
        lock (core.Gate)
        {
            channels = core.Channels.Count;
            core.Reset();
        }

        AriSimulatorLog.Restarting(_simulator.Logger, connections, channels, downtime, startingFor);
        await wait.ConfigureAwait(false);
        lock (core.Gate)
        {
            core.Boot();
        }

        _simulator.BeginStarting(startingFor);
        _simulator.ResumeListening();
    }

    /// <summary>The far end of channel <paramref name="channelId"/> hangs up (a customer puts the phone down). False if there is no such channel.</summary>
    public bool HangUp(string channelId, int cause = 16)
    {
        var core = _simulator.Switch;
        lock (core.Gate)
        {
            if (core.FindChannel(channelId) is not { } channel)
            {
                return false;
            }

            core.HangupFromFarEnd(channel, cause);
            return true;
        }
    }

    internal RequestFault? TakeFault(string method, IReadOnlyList<string> segments)
    {
        foreach (var (key, fault) in _faults)
        {
            if (!fault.Matches(method, segments))
            {
                continue;
            }

            lock (fault)
            {
                if (fault.Remaining is { } remaining)
                {
                    if (remaining <= 0)
                    {
                        _faults.TryRemove(key, out _);
                        continue;
                    }

                    fault.Remaining = remaining - 1;
                }
            }

            return fault;
        }

        return null;
    }

    internal void Seen(AriHttpRequest request, int status)
    {
        lock (_requests)
        {
            _requests.Enqueue(new AriSeenRequest(request.Method, request.Path, request.Query, status, _simulator.Time.GetUtcNow()));
            while (_requests.Count > MaxRequestsKept)
            {
                _requests.Dequeue();
            }
        }
    }

    private static string Normalize(string route) => string.Join(' ', Parse(route));

    private static string[] Parse(string route)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(route);
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            throw new ArgumentException($"'{route}' is not a route: give a method and a path, e.g. 'POST /channels'.", nameof(route));
        }

        var path = route[(space + 1)..].Trim();
        if (path.StartsWith("/ari/", StringComparison.Ordinal))
        {
            path = path[4..];
        }

        return [route[..space].ToUpperInvariant(), .. path.Split('/', StringSplitOptions.RemoveEmptyEntries)];
    }
}

/// <summary>What the control surface does to matching requests: answer them late, or fail them.</summary>
internal sealed class RequestFault(string[] route)
{
    public TimeSpan Delay { get; init; }

    public int? Status { get; init; }

    public string? Message { get; init; }

    /// <summary>How many more requests it applies to; null: until cleared.</summary>
    public int? Remaining { get; set; }

    public bool Matches(string method, IReadOnlyList<string> segments)
    {
        if (route[0] != "*" && !string.Equals(route[0], method, StringComparison.Ordinal))
        {
            return false;
        }

        if (segments.Count != route.Length - 1)
        {
            return false;
        }

        for (var i = 0; i < segments.Count; i++)
        {
            if (route[i + 1] != "*" && !string.Equals(route[i + 1], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
