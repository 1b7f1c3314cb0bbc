using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ari.Events;

namespace Orchestrator.Protocols.Ari.Client;

/// <summary>
/// One events WebSocket (<c>/ari/events?app=...</c>), from upgrade to close: one reader loop that joins
/// frames into messages, parses them and hands events over; it never runs consumer code. It never
/// reconnects: <see cref="AriClient"/> opens a new one, with a new generation, each time.
/// </summary>
internal sealed class AriEventSocket : IAsyncDisposable
{
    private const int ReceiveChunkBytes = 16 * 1024;
    private readonly ClientWebSocket _socket;
    private readonly AriClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private readonly Func<AriEvent, bool> _publish;
    private readonly Action _countRejected;
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Task _readerLoop;
    private volatile ReaderActivity _activity = ReaderActivity.Starting;

    private AriEventSocket(ClientWebSocket socket, long generation, AriClientOptions options, TimeProvider time, ILogger logger, Func<AriEvent, bool> publish, Action countRejected)
    {
        _socket = socket;
        Generation = generation;
        _options = options;
        _time = time;
        _logger = logger;
        _endpoint = $"{options.Host}:{options.Port}";
        _publish = publish;
        _countRejected = countRejected;
        _readerLoop = Task.Run(ReadLoopAsync);
    }

    public long Generation { get; }

    /// <summary>True while the socket is open and its reader runs.</summary>
    public bool IsOpen => !_closed.Task.IsCompleted && _socket.State == WebSocketState.Open;

    /// <summary>Completes, with the reason, when the socket is gone.</summary>
    public Task<string> Closed => _closed.Task;

    /// <summary>Opens the socket (which registers the Stasis application) or throws a typed reason why not.</summary>
    public static async Task<AriEventSocket> ConnectAsync(
        long generation,
        AriClientOptions options,
        TimeProvider time,
        ILogger logger,
        Func<AriEvent, bool> publish,
        Action countRejected,
        CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.SetRequestHeader(
                "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
            socket.Options.CollectHttpResponseDetails = true;
            socket.Options.Proxy = null;
            if (options.KeepaliveInterval > TimeSpan.Zero)
            {
                socket.Options.KeepAliveInterval = options.KeepaliveInterval;
                socket.Options.KeepAliveTimeout = options.KeepaliveTimeout;
            }
            else
            {
                socket.Options.KeepAliveInterval = TimeSpan.Zero;
            }

            using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await socket.ConnectAsync(options.EventsUri, linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Opening the ARI events socket at {options.Host}:{options.Port} took longer than {options.ConnectTimeout}.");
            }
            catch (WebSocketException error)
            {
                throw Classify(options, socket.HttpStatusCode, error);
            }

            return new AriEventSocket(socket, generation, options, time, logger, publish, countRejected);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Closes the socket at once; the reader reports <paramref name="reason"/>.</summary>
    public void Abort(string reason)
    {
        if (_closed.TrySetResult(reason))
        {
            _lifetime.Cancel();
            _socket.Abort();
        }
    }

    /// <summary>Sends a Close frame and waits (up to <paramref name="timeout"/>) for Asterisk's, then aborts.</summary>
    public async Task CloseAsync(string reason, TimeSpan timeout)
    {
        if (_socket.State == WebSocketState.Open && !_closed.Task.IsCompleted)
        {
            try
            {
                using var cts = new CancellationTokenSource(timeout, _time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, cts.Token);
                await _closed.Task.WaitAsync(timeout, _time);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException or IOException)
            {
                // Best effort: the socket is aborted below either way.
            }
        }

        Abort(reason);
    }

    public async ValueTask DisposeAsync()
    {
        Abort("closed by the orchestrator");
        await _readerLoop;
        _socket.Dispose();
        _lifetime.Dispose();
    }

    private static AriException Classify(AriClientOptions options, HttpStatusCode status, WebSocketException error)
    {
        var path = $"events?app={options.Application}";
        return (int)status switch
        {
            401 => new AriAuthenticationException("GET", path, "Authentication required", options.Username),
            404 or 503 => new AriNotReadyException($"the events socket answered {(int)status} {status}: Asterisk is starting or res_ari is not loaded yet", error),
            0 when IsRefused(error) => new AriNotReadyException($"connection refused at {options.Host}:{options.Port}: Asterisk is not running, or its HTTP server is not listening yet", error),
            0 => new AriNotConnectedException($"cannot open the ARI events socket at {options.Host}:{options.Port}: {Innermost(error).Message}", error),
            _ => new AriRequestException(status, "GET", path, error.Message),
        };
    }

    private static bool IsRefused(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
                break;
            }

            messages.Add(e.Message);
        }

        return string.Join(" / ", messages.Distinct());
    }

    private static Exception Innermost(Exception error)
    {
        var e = error;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private async Task ReadLoopAsync()
    {
        var assembler = new AriMessageAssembler(_options.MaxMessageBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes);
        var reason = "the reader stopped";
        try
        {
            while (true)
            {
                _activity = ReaderActivity.WaitingForMessage;
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _lifetime.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    reason = $"Asterisk closed the events socket ({(int?)_socket.CloseStatus} {_socket.CloseStatusDescription})";
                    await AcknowledgeCloseAsync();
                    break;
                }

                _activity = ReaderActivity.Assembling;
                OnFragment(assembler, buffer.AsSpan(0, result.Count), result.EndOfMessage);
                if (_closed.Task.IsCompleted)
                {
                    reason = _closed.Task.Result;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            reason = "closed by the orchestrator";
        }
        catch (Exception error)
        {
            // Every other exit lands here, so the connection always closes with a reason: a dropped TCP
            // connection (WebSocketException, IOException), or the keepalive Pong that never came (an
            // OperationCanceledException wrapping a WebSocketException).
            reason = $"read failed while {_activity}: {Describe(error)}";
        }
        finally
        {
            _activity = ReaderActivity.Stopped;
            ArrayPool<byte>.Shared.Return(buffer);
            Abort(reason);
        }
    }

    private void OnFragment(AriMessageAssembler assembler, ReadOnlySpan<byte> fragment, bool endOfMessage)
    {
        switch (assembler.Append(fragment, endOfMessage, out var message))
        {
            case AriAssembleStatus.Incomplete:
                return;

            case AriAssembleStatus.TooLarge:
                var tooLarge = new AriMessageTooLargeException(assembler.LastDiscardedLength, _options.MaxMessageBytes);
                Reject(AriMessageError.TooLarge, assembler.LastDiscardedLength, tooLarge.Message);
                return;

            default:
                _activity = ReaderActivity.Dispatching;
                Dispatch(message);
                return;
        }
    }

    private void Dispatch(ReadOnlySpan<byte> message)
    {
        var parsed = AriEventParser.Parse(message);
        if (parsed.Event is not { } evt)
        {
            Reject(parsed.Error, message.Length, parsed.Detail);
            return;
        }

        evt.Generation = Generation;
        AriMetrics.EventsReceived.Add(1);
        if (!_publish(evt))
        {
            Abort($"the event consumer fell behind by {_options.EventQueueCapacity} events (overflow policy Reconnect)");
        }
    }

    private void Reject(AriMessageError error, long length, string? detail)
    {
        _countRejected();
        AriMetrics.MessagesRejected.Add(1);
        AriClientLog.MessageRejected(_logger, _endpoint, error, length, Generation, detail);
    }

    private async Task AcknowledgeCloseAsync()
    {
        if (_socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1), _time);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The peer is leaving anyway.
        }
    }
}
