using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Protocols.Ami.Client;

/// <summary>
/// One TCP connection to Asterisk, from connect to close: one reader loop, one writer loop, and the
/// actions waiting for answers. It never reconnects; <see cref="AmiClient"/> makes a new one, with a new
/// generation, each time.
/// </summary>
internal sealed class AmiConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly AmiClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private readonly Func<AmiMessage, bool> _publishEvent;
    private readonly ConcurrentDictionary<string, PendingAction> _pending = new(StringComparer.Ordinal);
    private readonly Channel<AmiMessage> _outgoing = Channel.CreateUnbounded<AmiMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<AmiMessage> _banner = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();

    // Whoever holds it writes to the socket: a sender that finds it free writes its own action at once (no
    // hand-off to the writer loop on the hot path); otherwise the action waits in _outgoing for the loop.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PipeWriter _writer;
    private readonly string _actionIdPrefix;
    private readonly Task _readerLoop;
    private readonly Task _writerLoop;
    private long _nextActionId;
    private int _openLists;
    private volatile ReaderActivity _activity = ReaderActivity.Starting;

    private AmiConnection(Socket socket, long generation, AmiClientOptions options, TimeProvider time, ILogger logger, Func<AmiMessage, bool> publishEvent)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Generation = generation;
        _options = options;
        _time = time;
        _logger = logger;
        _endpoint = $"{options.Host}:{options.Port}";
        _publishEvent = publishEvent;
        _actionIdPrefix = $"orch-{generation}-";
        _writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        _readerLoop = Task.Run(ReadLoopAsync);
        _writerLoop = Task.Run(WriteLoopAsync);
    }

    public long Generation { get; }

    /// <summary>The server's greeting line.</summary>
    public Task<AmiMessage> Banner => _banner.Task;

    /// <summary>Completes, with the reason, when the connection is gone.</summary>
    public Task<string> Closed => _closed.Task;

    public static async Task<AmiConnection> ConnectAsync(
        long generation,
        AmiClientOptions options,
        TimeProvider time,
        ILogger logger,
        Func<AmiMessage, bool> publishEvent,
        CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await socket.ConnectAsync(options.Host, options.Port, linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"TCP connect to {options.Host}:{options.Port} took longer than {options.ConnectTimeout}.");
            }

            return new AmiConnection(socket, generation, options, time, logger, publishEvent);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the action and waits for its response (and, for a list, its events up to the Complete event).
    /// Assigns an ActionID when the action has none.
    /// </summary>
    public async Task<AmiListResponse> SendAsync(AmiAction action, bool isList, CancellationToken cancellationToken)
    {
        action.ActionId ??= _actionIdPrefix + Interlocked.Increment(ref _nextActionId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var id = action.ActionId;
        var pending = new PendingAction(action.Name, isList);
        if (!_pending.TryAdd(id, pending))
        {
            throw new InvalidOperationException($"ActionID '{id}' is already waiting for a response on this connection.");
        }

        if (isList)
        {
            Interlocked.Increment(ref _openLists);
        }

        try
        {
            var message = action.ToMessage();
            if (_closed.Task.IsCompleted)
            {
                throw new AmiNotConnectedException($"AMI {_endpoint}: connection generation {Generation} is closing; {action.Name} was not sent.");
            }

            if (_writeLock.Wait(0, CancellationToken.None))
            {
                await WriteHoldingLockAsync(message);
            }
            else if (!_outgoing.Writer.TryWrite(message))
            {
                throw new AmiNotConnectedException($"AMI {_endpoint}: connection generation {Generation} is closing; {action.Name} was not sent.");
            }

            return await pending.Task.WaitAsync(_options.ActionTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new AmiActionTimeoutException(
                $"AMI {_endpoint}: no response to {action.Name} (ActionID {id}) within {_options.ActionTimeout}; the reader was {_activity}.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
            if (isList)
            {
                Interlocked.Decrement(ref _openLists);
            }
        }
    }

    /// <summary>Closes the connection; every action still waiting fails as "outcome unknown".</summary>
    public void Abort(string reason)
    {
        if (_closed.TrySetResult(reason))
        {
            _lifetime.Cancel();
            _outgoing.Writer.TryComplete();
            _socket.Close();
            var lost = new AmiConnectionLostException($"AMI {_endpoint}: connection generation {Generation} lost ({reason}) before the response arrived.");
            foreach (var pending in _pending.Values)
            {
                pending.Fail(lost);
            }

            _banner.TrySetException(lost);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Abort("closed by the orchestrator");
        await Task.WhenAll(_readerLoop, _writerLoop);
        await _stream.DisposeAsync();
        _lifetime.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var frames = new AmiFrameReader(expectBanner: true, _options.MaxFrameBytes);
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var reason = "the reader stopped";
        try
        {
            while (true)
            {
                _activity = ReaderActivity.WaitingForBytes;
                var result = await reader.ReadAsync(_lifetime.Token);
                var buffer = result.Buffer;
                _activity = ReaderActivity.Framing;
                while (frames.TryRead(ref buffer, out var frame))
                {
                    _activity = ReaderActivity.Dispatching;
                    Dispatch(frame);
                    _activity = ReaderActivity.Framing;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    reason = "Asterisk closed the connection";
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            reason = "closed by the orchestrator";
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
        {
            reason = $"read failed: {error.Message}";
        }
        finally
        {
            _activity = ReaderActivity.Stopped;
            await reader.CompleteAsync();
            Abort(reason);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(_lifetime.Token))
            {
                await _writeLock.WaitAsync(_lifetime.Token);
                await WriteHoldingLockAsync(null);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
        finally
        {
            // A sender may be writing right now: complete the pipe only once it is done.
            await _writeLock.WaitAsync(CancellationToken.None);
            await _writer.CompleteAsync();
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Writes what is queued, then <paramref name="message"/>, in one flush: under load many actions share a
    /// syscall, and queued actions always go before a newer one. Releases the write lock.
    /// </summary>
    private async Task WriteHoldingLockAsync(AmiMessage? message)
    {
        try
        {
            while (_outgoing.Reader.TryRead(out var queued))
            {
                queued.WriteTo(_writer);
            }

            message?.WriteTo(_writer);
            await _writer.FlushAsync(_lifetime.Token);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Closing: the pending action fails as "connection lost".
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Abort($"write failed: {error.Message}");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void Dispatch(AmiFrame frame)
    {
        if (_closed.Task.IsCompleted)
        {
            // Aborted: bytes still buffered from this connection are not delivered to anyone.
            return;
        }

        if (frame.Error != AmiFrameError.None || frame.Message is not { } message)
        {
            AmiMetrics.FramesRejected.Add(1);
            AmiClientLog.FrameRejected(_logger, _endpoint, frame.Error, frame.Length, Generation, frame.Detail);
            return;
        }

        message.Generation = Generation;
        switch (message.Kind)
        {
            case AmiMessageKind.Banner:
                _banner.TrySetResult(message);
                break;

            case AmiMessageKind.Response:
                var actionId = message.ActionId;
                if (actionId is not null && _pending.TryGetValue(actionId, out var pending))
                {
                    pending.OnResponse(message);
                }
                else
                {
                    AmiClientLog.UnmatchedResponse(_logger, _endpoint, actionId);
                }

                break;

            case AmiMessageKind.Event:
                // Only list actions claim events; everything else (OriginateResponse included) is for the consumer.
                if (Volatile.Read(ref _openLists) > 0 && message.ActionId is { } listId
                    && _pending.TryGetValue(listId, out var list) && list.IsList)
                {
                    list.OnListEvent(message);
                    break;
                }

                AmiMetrics.EventsReceived.Add(1);
                if (!_publishEvent(message))
                {
                    Abort($"the event consumer fell behind by {_options.EventQueueCapacity} events (overflow policy Reconnect)");
                }

                break;

            default:
                AmiMetrics.FramesRejected.Add(1);
                AmiClientLog.FrameRejected(_logger, _endpoint, AmiFrameError.Malformed, message.RawBytes.Length, Generation, "an Action sent by the server");
                break;
        }
    }
}
