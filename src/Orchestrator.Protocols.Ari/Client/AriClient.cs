using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Protocols.Ari.Rest;

namespace Orchestrator.Protocols.Ari.Client;

/// <summary>
/// A long-lived client of one Asterisk's ARI: it keeps the events WebSocket open (which registers the Stasis
/// application), reconnects with backoff for as long as it runs, and carries the <see cref="Rest"/> API.
/// Events arrive on <see cref="Events"/>, state changes on <see cref="ConnectionChanges"/>; both are
/// channels read by the consumer on its own tasks, so no consumer code ever runs on the socket reader.
/// </summary>
/// <remarks>
/// States: Disconnected → Connecting (TCP + WebSocket upgrade) → Ready (socket open = app registered), and
/// back to Disconnected when the socket drops. Each open socket is a new generation, stamped on every
/// event it delivers. While Asterisk starts (connection refused, 503, or 404 before res_ari loads) the
/// client quietly keeps trying; a refused password waits the longest delay and logs an error naming
/// ari.conf. After a reconnect the Ready change says <see cref="AriConnectionChange.ResyncNeeded"/>:
/// events may have been missed (Asterisk may even have restarted), so list channels and reconcile.
/// </remarks>
public sealed class AriClient : IAsyncDisposable
{
    private readonly AriClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private readonly Channel<AriEvent> _events;
    private readonly Channel<AriConnectionChange> _changes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _stateLock = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private AriEventSocket? _current;
    private Task? _loop;
    private long _generation;
    private long _droppedEvents;
    private long _reportedDrops;
    private long _rejectedMessages;
    private int _disposed;

    public AriClient(AriClientOptions options, AriRestClient rest, TimeProvider time, ILogger<AriClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Rest = rest ?? throw new ArgumentNullException(nameof(rest));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _endpoint = $"{options.Host}:{options.Port}";
        _events = CreateEventChannel(options, () => Interlocked.Increment(ref _droppedEvents));
        _changes = Channel.CreateBounded<AriConnectionChange>(new BoundedChannelOptions(1024)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleWriter = false,
        });
    }

    /// <summary>The REST API of the same Asterisk.</summary>
    public AriRestClient Rest { get; }

    /// <summary>The Stasis application this client registers.</summary>
    public string Application => _options.Application;

    public AriConnectionState State { get; private set; }

    /// <summary>Connected and registered: the events socket is open, so the Stasis app exists in Asterisk.</summary>
    public bool IsHealthy => State == AriConnectionState.Ready && _current is { IsOpen: true };

    /// <summary>The generation of the current (or last) open events socket; 0 before the first.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Why the last connection attempt or connection failed; null while healthy.</summary>
    public string? LastError { get; private set; }

    /// <summary>Events dropped under <see cref="AriOverflowPolicy.DropOldest"/> since the client started.</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedEvents);

    /// <summary>Event messages skipped because they were malformed or too large.</summary>
    public long RejectedMessages => Interlocked.Read(ref _rejectedMessages);

    /// <summary>Every event, in arrival order, across reconnects (see <see cref="AriEvent.Generation"/>). One reader.</summary>
    public ChannelReader<AriEvent> Events => _events.Reader;

    /// <summary>Every state change, in order. One reader.</summary>
    public ChannelReader<AriConnectionChange> ConnectionChanges => _changes.Reader;

    /// <summary>Starts connecting in the background and returns at once.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_loop is not null)
        {
            throw new InvalidOperationException("The ARI client is already started.");
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

    /// <summary>Drops the current events socket (tests, operator command); the client reconnects as usual.</summary>
    public void DropConnection(string reason) => _current?.Abort(reason);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_current is { } socket)
        {
            await socket.CloseAsync("orchestrator stopping", TimeSpan.FromSeconds(1));
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
            catch (AriAuthenticationException error)
            {
                // Wrong credentials will not fix themselves quickly: wait the longest delay and say so loudly.
                failures++;
                delay = _options.ReconnectDelayMax;
                Fail(error.Message);
                AriClientLog.AuthenticationFailed(_logger, _endpoint, error.Message, delay);
            }
            catch (AriNotReadyException error)
            {
                failures++;
                delay = AriReconnectBackoff.Delay(failures, _options.ReconnectDelayMin, _options.ReconnectDelayMax);
                Fail(error.Message);
                AriClientLog.NotReadyYet(_logger, _endpoint, error.Message, delay);
            }
            catch (Exception error)
            {
                // Anything else (a socket error, a timeout, a surprise) is one more failed attempt: the loop must outlive it.
                failures++;
                delay = AriReconnectBackoff.Delay(failures, _options.ReconnectDelayMin, _options.ReconnectDelayMax);
                Fail(error.Message);
                AriClientLog.ConnectFailed(_logger, _endpoint, error.Message, delay);
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

        SetState(AriConnectionState.Disconnected, "stopped", resyncNeeded: false);
    }

    private async Task RunOneConnectionAsync(CancellationToken stopping)
    {
        SetState(AriConnectionState.Connecting, null, resyncNeeded: false);
        var generation = Generation + 1;
        await using var socket = await AriEventSocket.ConnectAsync(
            generation, _options, _time, _logger, Publish, () => Interlocked.Increment(ref _rejectedMessages), stopping);

        Interlocked.Exchange(ref _generation, generation);
        _current = socket;
        LastError = null;
        SetState(AriConnectionState.Ready, null, resyncNeeded: generation > 1);
        AriClientLog.Ready(_logger, _endpoint, _options.Application, generation);

        var reason = await socket.Closed;
        _current = null;
        if (!stopping.IsCancellationRequested)
        {
            AriMetrics.Reconnects.Add(1);
            AriClientLog.ConnectionLost(_logger, _endpoint, generation, reason);
            Fail(reason);
        }
    }

    private bool Publish(AriEvent evt)
    {
        if (!_events.Writer.TryWrite(evt))
        {
            return false;
        }

        var dropped = Interlocked.Read(ref _droppedEvents);
        if (dropped != _reportedDrops && (dropped - _reportedDrops >= 1000 || _reportedDrops == 0))
        {
            _reportedDrops = dropped;
            AriClientLog.EventsDropped(_logger, _endpoint, dropped, _options.EventQueueCapacity);
        }

        return true;
    }

    private void Fail(string reason)
    {
        LastError = reason;
        SetState(AriConnectionState.Disconnected, reason, resyncNeeded: false);
    }

    private void SetState(AriConnectionState state, string? reason, bool resyncNeeded)
    {
        lock (_stateLock)
        {
            if (State == state && state != AriConnectionState.Ready)
            {
                return;
            }

            State = state;
            if (state == AriConnectionState.Ready)
            {
                _ready.TrySetResult();
            }
            else if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _changes.Writer.TryWrite(new AriConnectionChange(state, Generation, reason, _time.GetUtcNow(), resyncNeeded));
        }
    }

    private static Channel<AriEvent> CreateEventChannel(AriClientOptions options, Action countDrop)
    {
        var channelOptions = new BoundedChannelOptions(options.EventQueueCapacity)
        {
            SingleWriter = true,
            SingleReader = false,
            FullMode = options.OverflowPolicy == AriOverflowPolicy.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };

        return options.OverflowPolicy == AriOverflowPolicy.DropOldest
            ? Channel.CreateBounded<AriEvent>(channelOptions, _ =>
            {
                countDrop();
                AriMetrics.EventsDropped.Add(1);
            })
            : Channel.CreateBounded<AriEvent>(channelOptions);
    }
}
