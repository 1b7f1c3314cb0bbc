using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Simulator.Ari.Http;
using Orchestrator.Simulator.Ari.Rest;
using Orchestrator.Simulator.Ari.Stasis;

namespace Orchestrator.Simulator.Ari;

/// <summary>
/// A loopback Asterisk REST Interface that behaves like the Asterisk 22.10.1 of the recordings: Basic auth, the
/// events WebSocket (<c>/ari/events?app=</c>, which registers the Stasis application while it is open) and the
/// REST resources an outbound dialer uses. Calls to <c>Local/&lt;n&gt;@sim-customers</c> run the lab's dialplan (as
/// recorded); calls through a trunk (<c>PJSIP/&lt;digits&gt;@trunk</c>) follow the outcome model; agent phones answer.
/// Everything timed goes through the injected <see cref="TimeProvider"/>; <see cref="Control"/> injects events,
/// drops sockets, slows or fails requests and restarts the "Asterisk".
/// </summary>
public sealed class AsteriskAriSimulator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, AriHttpConnection> _connections = new();
    private readonly ConcurrentDictionary<long, Task> _connectionTasks = new();
    private readonly Dictionary<long, EventSession> _sessions = [];
    private readonly Lock _listenerGate = new();
    private readonly AriRestApi _rest;
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextConnectionId;
    private long _startingUntilTicks;
    private long _upgradesRefusedUntilTicks;
    private bool _disposed;

    /// <param name="options">Account, outcome model, timings; null for the lab defaults.</param>
    /// <param name="timeProvider">The clock for every delay and time stamp; null for the system clock.</param>
    /// <param name="loggerFactory">Null for no logging.</param>
    public AsteriskAriSimulator(AsteriskAriSimulatorOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new AsteriskAriSimulatorOptions();
        var problems = Options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid ARI simulator options:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems), nameof(options));
        }

        Time = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AsteriskAriSimulator>();
        Counters = new AriSimulatorCounters();
        Switch = new AriSwitch(Options, Time, new Sink(this), Counters);
        _rest = new AriRestApi(this, Switch);
        Control = new AriSimulatorControl(this);
    }

    public AsteriskAriSimulatorOptions Options { get; }

    /// <summary>The port it listens on (valid after <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The control surface: inject, drop, delay, fail, restart, inspect.</summary>
    public AriSimulatorControl Control { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal AriSimulatorCounters Counters { get; }

    internal AriSwitch Switch { get; }

    /// <summary>True while the restarted Asterisk answers 503 (fully booted not yet reached).</summary>
    internal bool IsStarting => Time.GetUtcNow().UtcTicks < Interlocked.Read(ref _startingUntilTicks);

    /// <summary>The applications with an open events socket, in the order they registered. Under the gate.</summary>
    internal IReadOnlyList<string> RegisteredApplications =>
        [.. _sessions.Values.OrderBy(s => s.Id).SelectMany(s => s.Applications).Distinct(StringComparer.Ordinal)];

    /// <summary>Binds 127.0.0.1 (on <see cref="AsteriskAriSimulatorOptions.Port"/>, or a free port) and starts accepting.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_listenerGate)
        {
            if (_listener is not null)
            {
                throw new InvalidOperationException("The ARI simulator is already started.");
            }

            Listen(Options.Port);
        }

        AriSimulatorLog.Listening(Logger, Port);
    }

    /// <summary>Stops accepting, drops every connection and forgets every call.</summary>
    public async Task StopAsync()
    {
        StopListening();
        DropAll();
        lock (Switch.Gate)
        {
            Switch.Reset();
        }

        await Task.WhenAll(_connectionTasks.Values.Append(_acceptLoop)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync().ConfigureAwait(false);
        Switch.Dispose();
    }

    /// <summary>Answers one REST request (serialized, ready for the wire).</summary>
    internal async Task<byte[]> HandleAsync(AriHttpRequest request, CancellationToken cancellationToken)
    {
        AriHttpResponse response;
        try
        {
            response = await _rest.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            AriSimulatorLog.RequestFailed(Logger, error, request.ToString());
            response = AriHttpResponse.Error(500, "Internal Server Error", "Internal simulator error");
        }

        return response.Serialize(Options.ServerName, Time.GetUtcNow());
    }

    /// <summary>
    /// A WebSocket upgrade: refused as Asterisk refuses it (503 while starting, 401, 400 without <c>app=</c> followed by
    /// a second 400), or accepted — the session is registered, so the application exists, before the 101 is written.
    /// </summary>
    internal (byte[] Answer, EventSession? Session) Upgrade(long connectionId, AriHttpRequest request, Stream stream, PipeReader reader, CancellationToken stopping)
    {
        var now = Time.GetUtcNow();
        Counters.Request();
        var refusal = _rest.Refusal(request);
        if (refusal is null && now.UtcTicks < Interlocked.Read(ref _upgradesRefusedUntilTicks))
        {
            Counters.Starting();
            refusal = AriHttpResponse.Error(503, "Service Unavailable", "Asterisk is not accepting events sockets right now");
        }

        if (refusal is null && request.Path != "/ari/events")
        {
            refusal = AriHttpResponse.Html(404, "Not Found", "The requested URL was not found on this server.", Options.ServerName);
        }

        var version = new KeyValuePair<string, string>("Sec-WebSocket-Version", "7, 8, 13");
        if (refusal is null && request.Parameter("app") is not { Length: > 0 })
        {
            refusal = AriHttpResponse.Html(400, "Bad Request", "HTTP request is missing param: [app]", Options.ServerName)
                .WithNext(AriHttpResponse.Empty(400, "Bad Request", version));
        }

        if (refusal is null && request.Header("Sec-WebSocket-Key") is not { Length: > 0 })
        {
            refusal = AriHttpResponse.Empty(400, "Bad Request", version);
        }

        if (refusal is not null)
        {
            Control.Seen(request, refusal.Status);
            return (refusal.Serialize(Options.ServerName, now), null);
        }

        var applications = request.Parameter("app")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var session = new EventSession(connectionId, applications, stream, reader, now, stopping);
        lock (Switch.Gate)
        {
            _sessions[connectionId] = session;
        }

        Counters.SocketOpened();
        Control.Seen(request, 101);
        AriSimulatorLog.SocketOpened(Logger, connectionId, string.Join(',', applications));
        var accept = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {WebSocketFrames.AcceptKey(request.Header("Sec-WebSocket-Key")!)}\r\n\r\n";
        return (Encoding.ASCII.GetBytes(accept), session);
    }

    /// <summary>The events socket closed: its applications are unregistered (their channels stay, their events are lost).</summary>
    internal void Closed(EventSession session)
    {
        lock (Switch.Gate)
        {
            _sessions.Remove(session.Id);
        }

        AriSimulatorLog.SocketClosed(Logger, session.Id);
    }

    /// <summary>Sends a raw text frame to every events socket (of <paramref name="application"/>, if given).</summary>
    internal int Inject(ReadOnlySpan<byte> payload, string? application)
    {
        var count = 0;
        lock (Switch.Gate)
        {
            foreach (var session in _sessions.Values)
            {
                if (application is null || session.Applications.Contains(application, StringComparer.Ordinal))
                {
                    session.SendText(payload);
                    count++;
                }
            }
        }

        return count;
    }

    internal int DropAll()
    {
        var connections = _connections.Values.ToList();
        foreach (var connection in connections)
        {
            connection.Abort();
        }

        return connections.Count;
    }

    internal int DropEventSockets(TimeSpan refuseFor)
    {
        Interlocked.Exchange(ref _upgradesRefusedUntilTicks, (Time.GetUtcNow() + refuseFor).UtcTicks);
        var sockets = _connections.Values.Where(c => c.Session is not null).ToList();
        foreach (var connection in sockets)
        {
            connection.Abort();
        }

        return sockets.Count;
    }

    internal void BeginStarting(TimeSpan duration) =>
        Interlocked.Exchange(ref _startingUntilTicks, (Time.GetUtcNow() + duration).UtcTicks);

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
                lock (_listenerGate)
                {
                    if (ReferenceEquals(_listener, listener))
                    {
                        AriSimulatorLog.AcceptFailed(Logger, e);
                    }
                }

                return;
            }

            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _nextConnectionId);
            var connection = new AriHttpConnection(id, socket, this);
            _connections[id] = connection;
            _connectionTasks[id] = RunConnectionAsync(connection);
        }
    }

    private async Task RunConnectionAsync(AriHttpConnection connection)
    {
        try
        {
            await Task.Yield();
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection.Id, out _);
            _connectionTasks.TryRemove(connection.Id, out _);
            connection.Dispose();
        }
    }

    /// <summary>Delivers the switch's events to the open sockets (called under the switch's gate).</summary>
    private sealed class Sink(AsteriskAriSimulator simulator) : IEventSink
    {
        public bool IsRegistered(string application)
        {
            foreach (var session in simulator._sessions.Values)
            {
                if (session.Applications.Contains(application, StringComparer.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public void Deliver(string application, byte[] payload)
        {
            foreach (var session in simulator._sessions.Values)
            {
                if (session.Applications.Contains(application, StringComparer.Ordinal))
                {
                    session.Send(payload);
                }
            }
        }
    }
}
