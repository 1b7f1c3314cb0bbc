using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Protocols.Ami.Client;

/// <summary>
/// A long-lived client of one Asterisk Manager Interface: it connects, logs in, keeps the link alive and
/// reconnects with backoff for as long as it runs. Events arrive on <see cref="Events"/>, state changes on
/// <see cref="ConnectionChanges"/>; both are channels read by the consumer on its own tasks, so no
/// consumer code ever runs on the socket reader.
/// </summary>
/// <remarks>
/// Connection state machine: Disconnected → Connecting (TCP + banner) → Authenticating (Challenge/Login)
/// → Ready, and back to Disconnected when the link drops. Each connection is a new generation, stamped on
/// every message it delivers. Keepalive pings run only while Ready. Actions sent while not Ready fail at
/// once with <see cref="AmiNotConnectedException"/>; actions in flight when the link drops fail with
/// <see cref="AmiConnectionLostException"/> — their outcome is unknown, and the consumer must resync
/// (list live channels) rather than resend.
/// </remarks>
public sealed class AmiClient : IAsyncDisposable, IAmiEventSink
{
    private readonly AmiClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private readonly Channel<AmiMessage> _events;
    private readonly Channel<AmiConnectionChange> _changes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _stateLock = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private AmiConnection? _current;
    private Task? _loop;
    private long _generation;
    private long _droppedEvents;
    private long _ignoredEvents;
    private AmiEventFilter? _eventFilter;
    private long _reportedDrops;
    private volatile bool _disposing;

    public AmiClient(AmiClientOptions options, TimeProvider time, ILogger<AmiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _endpoint = $"{options.Host}:{options.Port}";
        _events = CreateEventChannel(options, () => Interlocked.Increment(ref _droppedEvents));
        _changes = Channel.CreateBounded<AmiConnectionChange>(new BoundedChannelOptions(1024)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleWriter = true,
        });
    }

    public AmiConnectionState State { get; private set; }

    /// <summary>The generation of the current (or last) connection; 0 before the first.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Why the last connection attempt or connection failed; null while healthy.</summary>
    public string? LastError { get; private set; }

    /// <summary>Events the consumer never saw because it fell behind (either overflow policy), since the client started.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>
    /// The events to deliver; others are read and counted (<see cref="IgnoredEvents"/>) but never become messages.
    /// Null (the default) delivers every event. Events with an ActionID are always delivered. A change applies from
    /// the next connection, so set it before <see cref="StartAsync"/>.
    /// </summary>
    public AmiEventFilter? EventFilter
    {
        get => Volatile.Read(ref _eventFilter);
        set => Volatile.Write(ref _eventFilter, value);
    }

    /// <summary>Events the <see cref="EventFilter"/> cut, since the client started.</summary>
    public long IgnoredEvents => Interlocked.Read(ref _ignoredEvents);

    /// <summary>Every event, in arrival order, across reconnects (see <see cref="AmiMessage.Generation"/>). One reader.</summary>
    public ChannelReader<AmiMessage> Events => _events.Reader;

    /// <summary>Every state change, in order. One reader.</summary>
    public ChannelReader<AmiConnectionChange> ConnectionChanges => _changes.Reader;

    /// <summary>Starts connecting in the background and returns at once.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The AMI client is already started.");
        }

        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Completes when the client is Ready (at once if it is).</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        lock (_stateLock)
        {
            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Sends an action and returns its response; <c>Response: Error</c> throws <see cref="AmiActionFailedException"/>.</summary>
    public async Task<AmiMessage> SendAsync(AmiAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return (await ReadyConnection(action).SendAsync(action, isList: false, cancellationToken)).Response;
    }

    /// <summary>Sends a list action (<c>CoreShowChannels</c>, <c>Status</c>) and collects its events up to the Complete event.</summary>
    public Task<AmiListResponse> SendListAsync(AmiAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ReadyConnection(action).SendAsync(action, isList: true, cancellationToken);
    }

    /// <summary>Drops the current connection (tests, operator command); the client reconnects as usual.</summary>
    public void DropConnection(string reason) => _current?.Abort(reason);

    public async ValueTask DisposeAsync()
    {
        // From here on the connection's end is ours: Asterisk closing it after Logoff is not a loss.
        _disposing = true;
        if (_current is { } connection && State == AmiConnectionState.Ready)
        {
            try
            {
                // On the pool: a send that finds the socket full blocks its caller, and the second is all we give it.
                await Task.Run(() => connection.SendAsync(new AmiAction("Logoff"), isList: false, CancellationToken.None))
                    .WaitAsync(TimeSpan.FromSeconds(1), _time);
            }
            catch (Exception error) when (error is AmiException or TimeoutException)
            {
                // Best effort: the socket closes either way.
            }
        }

        await _stopping.CancelAsync();
        _current?.Abort("client disposed");
        if (_loop is not null)
        {
            await _loop;
        }

        _events.Writer.TryComplete();
        _changes.Writer.TryComplete();
        _stopping.Dispose();
    }

    private AmiConnection ReadyConnection(AmiAction action)
    {
        var connection = _current;
        return connection is not null && State == AmiConnectionState.Ready
            ? connection
            : throw new AmiNotConnectedException($"AMI {_endpoint} is {State}{(LastError is null ? string.Empty : $" ({LastError})")}; {action.Name} was not sent.");
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                await RunOneConnectionAsync(stopping);
                failures = 0;
                delay = _options.ReconnectDelayMin;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (AmiAuthenticationException error)
            {
                // Wrong credentials will not fix themselves quickly: wait the longest delay and say so loudly.
                failures++;
                delay = _options.ReconnectDelayMax;
                Fail(error.Message);
                AmiClientLog.AuthenticationFailed(_logger, _endpoint, error.Message, delay);
            }
            catch (Exception error) when (error is AmiException or IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                failures++;
                delay = ReconnectBackoff.Delay(failures, _options.ReconnectDelayMin, _options.ReconnectDelayMax);
                Fail(error.Message);
                AmiClientLog.ConnectFailed(_logger, _endpoint, error.Message, delay);
            }

            try
            {
                await Task.Delay(delay, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        SetState(AmiConnectionState.Disconnected, "stopped");
    }

    private async Task RunOneConnectionAsync(CancellationToken stopping)
    {
        SetState(AmiConnectionState.Connecting, null);
        var generation = Interlocked.Increment(ref _generation);
        await using var connection = await AmiConnection.ConnectAsync(generation, _options, _time, _logger, this, stopping);

        var banner = await connection.Banner.WaitAsync(_options.ConnectTimeout, _time, stopping);
        AmiClientLog.Connected(_logger, _endpoint, generation, banner.GetValue(0));

        SetState(AmiConnectionState.Authenticating, null);
        await LoginAsync(connection, stopping);

        _current = connection;
        LastError = null;
        SetState(AmiConnectionState.Ready, null);
        AmiClientLog.Ready(_logger, _endpoint, _options.Username, _options.Authentication, generation);

        using var keepaliveStop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var keepalive = KeepAliveAsync(connection, keepaliveStop.Token);
        var reason = await connection.Closed;
        await keepaliveStop.CancelAsync();
        await keepalive;

        _current = null;
        if (!stopping.IsCancellationRequested && !_disposing)
        {
            AmiMetrics.Reconnects.Add(1);
            AmiClientLog.ConnectionLost(_logger, _endpoint, generation, reason);
            Fail(reason);
        }
    }

    private async Task LoginAsync(AmiConnection connection, CancellationToken stopping)
    {
        try
        {
            var login = AmiLogin.Plain(_options);
            if (_options.Authentication == AmiAuthentication.Md5Challenge)
            {
                var challenge = await connection.SendAsync(AmiLogin.Challenge(), isList: false, stopping);
                login = AmiLogin.Md5(_options, challenge.Response["Challenge"] ?? string.Empty);
            }

            await connection.SendAsync(login, isList: false, stopping);
        }
        catch (AmiActionFailedException refused)
        {
            throw new AmiAuthenticationException(
                $"Asterisk at {_endpoint} refused the AMI login of '{_options.Username}': {refused.Response[AmiHeaders.Message]}. " +
                "Check the user's section in manager.conf (secret, and permit/deny for this address).");
        }
    }

    private async Task KeepAliveAsync(AmiConnection connection, CancellationToken stop)
    {
        if (_options.KeepaliveInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.KeepaliveInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await connection.SendAsync(new AmiAction("Ping"), isList: false, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (AmiOutcomeUnknownException error)
        {
            AmiClientLog.KeepaliveFailed(_logger, _endpoint, connection.Generation, error.Message);
            connection.Abort("keepalive Ping unanswered");
        }
        catch (AmiException)
        {
            // The connection is already going away; its reader reports why.
        }
    }

    void IAmiEventSink.CountIgnored() => Interlocked.Increment(ref _ignoredEvents);

    bool IAmiEventSink.Publish(AmiMessage message)
    {
        if (!_events.Writer.TryWrite(message))
        {
            // Reconnect policy: what is queued belongs to a connection we are about to drop, and the consumer
            // resyncs from the switch after the reconnect; stale events would only mislead it (and keep the
            // queue full, so the next connection would overflow at once).
            var discarded = 0;
            while (_events.Reader.TryRead(out _))
            {
                discarded++;
            }

            Interlocked.Add(ref _droppedEvents, discarded + 1);
            AmiMetrics.EventsDropped.Add(discarded + 1);
            return false;
        }

        var dropped = Interlocked.Read(ref _droppedEvents);
        if (dropped != _reportedDrops && (dropped - _reportedDrops >= 1000 || _reportedDrops == 0))
        {
            _reportedDrops = dropped;
            AmiClientLog.EventsDropped(_logger, _endpoint, dropped, _options.EventQueueCapacity);
        }

        return true;
    }

    private void Fail(string reason)
    {
        LastError = reason;
        SetState(AmiConnectionState.Disconnected, reason);
    }

    private void SetState(AmiConnectionState state, string? reason)
    {
        lock (_stateLock)
        {
            if (State == state && state != AmiConnectionState.Ready)
            {
                return;
            }

            State = state;
            if (state == AmiConnectionState.Ready)
            {
                _ready.TrySetResult();
            }
            else if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _changes.Writer.TryWrite(new AmiConnectionChange(state, Generation, reason, _time.GetUtcNow()));
        }
    }

    private static Channel<AmiMessage> CreateEventChannel(AmiClientOptions options, Action countDrop)
    {
        var channelOptions = new BoundedChannelOptions(options.EventQueueCapacity)
        {
            SingleWriter = true,
            SingleReader = false,
            FullMode = options.OverflowPolicy == AmiOverflowPolicy.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };

        return options.OverflowPolicy == AmiOverflowPolicy.DropOldest
            ? Channel.CreateBounded<AmiMessage>(channelOptions, _ =>
            {
                countDrop();
                AmiMetrics.EventsDropped.Add(1);
            })
            : Channel.CreateBounded<AmiMessage>(channelOptions);
    }
}
