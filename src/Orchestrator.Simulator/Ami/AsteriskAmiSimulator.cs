using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Control;
using Orchestrator.Simulator.Engine;

namespace Orchestrator.Simulator.Ami;

/// <summary>
/// A loopback Asterisk Manager Interface that behaves like the Asterisk 22.10.1 of the recordings: the lab
/// dialplan's calls replay the recordings, the orchestrator dialplan's calls follow the outcome model.
/// Everything timed goes through the injected <see cref="TimeProvider"/>; the test (or host) holds
/// <see cref="Control"/> to inject events, drop connections, slow or fail actions and restart.
/// </summary>
public sealed class AsteriskAmiSimulator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, AmiSession> _sessions = new();
    private readonly ConcurrentDictionary<long, Task> _sessionTasks = new();
    private readonly ActionDispatcher _dispatcher;
    private readonly Lock _sessionListGate = new();

    // Every event goes to every session: a copy-on-write array, so delivering one costs neither a lock nor a
    // snapshot of the dictionary (ConcurrentDictionary.Values takes every lock and copies).
    private volatile AmiSession[] _sessionList = [];
    private readonly object _listenerGate = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextSessionId;
    private bool _disposed;

    /// <param name="options">Account, outcome model, timings; null for the lab defaults.</param>
    /// <param name="timeProvider">The clock for every delay and timestamp; null for the system clock.</param>
    /// <param name="loggerFactory">Null for no logging.</param>
    public AsteriskAmiSimulator(AsteriskAmiSimulatorOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new AsteriskAmiSimulatorOptions();
        var problems = Options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid AMI simulator options:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems), nameof(options));
        }

        Time = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AsteriskAmiSimulator>();
        Core = new SwitchCore(Time, Options.Seed ?? Options.Outcomes.Seed, Options.Outcomes, Publish, Options.FirstChannelSequence);
        UptimeOffset = Options.UptimeAtStart;
        Control = new SimulatorControl(this);
        _dispatcher = new ActionDispatcher(this, Logger);
    }

    public AsteriskAmiSimulatorOptions Options { get; }

    /// <summary>The port it listens on (valid after <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The control surface: inject, drop, delay, fail, restart, inspect.</summary>
    public SimulatorControl Control { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal SwitchCore Core { get; }

    /// <summary>Added to the time since start for FullyBooted's Uptime (0 after a restart).</summary>
    internal TimeSpan UptimeOffset { get; set; }

    /// <summary>Global variables (Setvar without a channel). Under the core's gate.</summary>
    internal Dictionary<string, string> GlobalVariables { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyList<AmiSession> Sessions => _sessionList;

    /// <summary>Binds 127.0.0.1 (on <see cref="AsteriskAmiSimulatorOptions.Port"/>, or a free port) and starts accepting.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_listenerGate)
        {
            if (_listener is not null)
            {
                throw new InvalidOperationException("The AMI simulator is already started.");
            }

            Listen(Options.Port);
        }

        SimulatorLog.Listening(Logger, Port);
    }

    /// <summary>Stops accepting, drops every connection and forgets every call.</summary>
    public async Task StopAsync()
    {
        StopListening();
        DropAll("simulator stopped");
        lock (Core.Gate)
        {
            Core.Reset();
        }

        await Task.WhenAll(_sessionTasks.Values.Append(_acceptLoop)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync().ConfigureAwait(false);
        Core.Dispose();
    }

    /// <summary>Delivers an event to every session (called by the core, under its gate).</summary>
    internal void Publish(AmiMessage message)
    {
        foreach (var session in _sessionList)
        {
            session.Deliver(message);
        }
    }

    internal int DropAll(string reason)
    {
        var sessions = _sessionList;
        foreach (var session in sessions)
        {
            session.Abort(reason);
        }

        return sessions.Length;
    }

    internal bool Drop(long id, string reason)
    {
        if (!_sessions.TryGetValue(id, out var session))
        {
            return false;
        }

        session.Abort(reason);
        return true;
    }

    internal AmiSession? Session(long id) => _sessions.GetValueOrDefault(id);

    internal void StopListening()
    {
        lock (_listenerGate)
        {
            _listener?.Stop();
            _listener = null;
        }
    }

    internal void ResumeListening()
    {
        lock (_listenerGate)
        {
            if (_listener is null && !_disposed)
            {
                Listen(Port);
            }
        }
    }

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _acceptLoop = AcceptLoopAsync(listener);
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or InvalidOperationException)
            {
                if (ReferenceEquals(_listener, listener))
                {
                    SimulatorLog.AcceptFailed(Logger, e);
                }

                return;
            }

            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _nextSessionId);
            string sessionId;
            lock (Core.Gate)
            {
                sessionId = Core.Ids.NextSessionId();
            }

            var session = new AmiSession(id, sessionId, socket, Time.GetUtcNow(), Logger, Control.WireTap);
            _sessions[id] = session;
            UpdateSessionList();
            Core.Counters.ConnectionAccepted();
            SimulatorLog.SessionOpened(Logger, id, session.RemotePort);
            _sessionTasks[id] = RunSessionAsync(session);
        }
    }

    private async Task RunSessionAsync(AmiSession session)
    {
        try
        {
            await session.RunAsync(Options.Banner, _dispatcher.ProcessAsync).ConfigureAwait(false);
        }
        finally
        {
            _sessions.TryRemove(session.Id, out _);
            UpdateSessionList();
            _sessionTasks.TryRemove(session.Id, out _);
            session.Dispose();
        }
    }

    private void UpdateSessionList()
    {
        lock (_sessionListGate)
        {
            _sessionList = [.. _sessions.Values.OrderBy(s => s.Id)];
        }
    }
}
