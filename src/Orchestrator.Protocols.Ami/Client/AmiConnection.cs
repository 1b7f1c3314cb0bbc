using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
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
/// <remarks>
/// The socket stays in blocking mode and has a thread of its own that receives into a pipe whose reader (the
/// frame loop) runs inline. An event thus goes from the kernel to the frame reader in one wake-up of one thread,
/// where an asynchronous receive takes two (the socket engine's thread, then a thread-pool worker), each a chance to
/// wait for a core. Actions are sent with a blocking send, by the sender when the socket is free, which on a healthy
/// link returns at once; when Asterisk has stopped reading, that send holds its caller (cancellation is not observed)
/// until the connection is dropped, within the action timeout. Nothing but the frame loop runs on
/// the receive thread: responses complete with asynchronous continuations and events cross a queue.
/// </remarks>
internal sealed class AmiConnection : IAsyncDisposable
{
    // Receives fill 64 KiB segments down to their last 4 KiB, rather than starting a fresh segment for each read.
    private const int SegmentBytes = 64 * 1024;
    private const int MinimumReceiveBytes = 4 * 1024;

    private readonly Socket _socket;
    private readonly AmiClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private readonly IAmiEventSink _events;
    private readonly ConcurrentDictionary<string, PendingAction> _pending = new(StringComparer.Ordinal);
    private readonly Channel<AmiMessage> _outgoing = Channel.CreateUnbounded<AmiMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<AmiMessage> _banner = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();

    // Whoever holds it writes to the socket: a sender that finds it free writes its own action at once (no
    // hand-off to the writer loop on the hot path); otherwise the action waits in _outgoing for the loop.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(4096);

    // Written by the receive thread only; read by the frame loop, inline on that thread. Never paused: the frame
    // reader bounds what it keeps (MaxFrameBytes), and a pause would stall a reader waiting for a frame's end.
    private readonly Pipe _received = new(new PipeOptions(
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        pauseWriterThreshold: 0,
        minimumSegmentSize: SegmentBytes,
        useSynchronizationContext: false));

    private readonly TaskCompletionSource _receiverStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _actionIdPrefix;
    private readonly Task _readerLoop;
    private readonly Task _writerLoop;
    private long _nextActionId;
    private int _openLists;
    private volatile ReaderActivity _activity = ReaderActivity.Starting;

    private AmiConnection(Socket socket, long generation, AmiClientOptions options, TimeProvider time, ILogger logger, IAmiEventSink events)
    {
        _socket = socket;
        Generation = generation;
        _options = options;
        _time = time;
        _logger = logger;
        _endpoint = $"{options.Host}:{options.Port}";
        _events = events;
        _actionIdPrefix = $"orch-{generation}-";
        _socket.SendTimeout = SendTimeoutMilliseconds(options.ActionTimeout);
        _readerLoop = Task.Run(ReadLoopAsync);
        _writerLoop = Task.Run(WriteLoopAsync);
        new Thread(ReceiveLoop) { IsBackground = true, Name = $"AMI receive {_endpoint} #{generation}" }.Start();
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
        IAmiEventSink events,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var addresses = IPAddress.TryParse(options.Host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(options.Host, linked.Token);

            // A blocking connect, on a thread of its own, that the timeout or cancellation ends by closing the
            // socket. Not ConnectAsync, nor a non-blocking connect: either leaves the socket non-blocking for good,
            // and every blocking receive would then be emulated through the socket engine's thread (see the class).
            // Closing the socket ends a blocked connect on Linux, where the orchestrator runs; elsewhere (macOS) the
            // connect may run to the operating system's own timeout.
            var socket = await Task.Factory.StartNew(
                () => ConnectBlocking(addresses, options.Port, linked.Token),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            try
            {
                return new AmiConnection(socket, generation, options, time, logger, events);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"TCP connect to {options.Host}:{options.Port} took longer than {options.ConnectTimeout}.");
        }
    }

    /// <summary>
    /// Half the action timeout: the timeout applies to each system call, and a send that finds room for part of its
    /// bytes waits once more for the rest, so a stalled peer is dropped between half and the whole of it. None (0) for
    /// an infinite or non-positive action timeout.
    /// </summary>
    private static int SendTimeoutMilliseconds(TimeSpan actionTimeout) =>
        actionTimeout <= TimeSpan.Zero || actionTimeout == Timeout.InfiniteTimeSpan
            ? 0
            : (int)Math.Clamp(actionTimeout.TotalMilliseconds / 2, 1, int.MaxValue);

    private static Socket ConnectBlocking(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        SocketException? lastFailure = null;
        foreach (var address in addresses)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Socket socket;
            try
            {
                socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            }
            catch (SocketException unsupported)
            {
                // An address family this host cannot use (::1 with IPv6 off): try the next address.
                lastFailure = unsupported;
                continue;
            }

            try
            {
                using (cancellationToken.UnsafeRegister(static state => ((Socket)state!).Dispose(), socket))
                {
                    socket.Connect(new IPEndPoint(address, port));
                }

                cancellationToken.ThrowIfCancellationRequested();
                return socket;
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                socket.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
                lastFailure = error as SocketException ?? lastFailure;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastFailure ?? new SocketException((int)SocketError.HostNotFound);
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
                WriteHoldingLock(message);
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
            try
            {
                // Wakes the receive thread (its receive returns 0) and ends the stream with a FIN, not a reset.
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                // Already gone.
            }

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
        await Task.WhenAll(_readerLoop, _writerLoop, _receiverStopped.Task);
        _socket.Dispose();
        _lifetime.Dispose();

        // _writeLock is not disposed: a sender that raced the close may still release it (a SemaphoreSlim whose
        // wait handle was never asked for holds nothing to free).
    }

    private async Task ReadLoopAsync()
    {
        var frames = new AmiFrameReader(expectBanner: true, _options.MaxFrameBytes) { EventFilter = _events.EventFilter };
        var reader = _received.Reader;
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

    /// <summary>The receive thread: blocking receives into the pipe, whose flush runs the frame loop inline.</summary>
    private void ReceiveLoop()
    {
        var writer = _received.Writer;
        Exception? failure = null;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(MinimumReceiveBytes);
                var read = _socket.Receive(memory.Span);
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);
                var flush = writer.FlushAsync();
                var result = flush.IsCompletedSuccessfully ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
                if (result.IsCompleted)
                {
                    // The frame loop has stopped: nobody reads any more.
                    break;
                }
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            failure = new IOException(error.Message, error);
        }
        finally
        {
            writer.Complete(failure);
            _receiverStopped.TrySetResult();
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(_lifetime.Token))
            {
                await _writeLock.WaitAsync(_lifetime.Token);
                WriteHoldingLock(null);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
        finally
        {
            // A sender may be writing right now (a blocked send ends with the socket's close): the connection
            // counts as disposed only once it is done.
            await _writeLock.WaitAsync(CancellationToken.None);
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Sends what is queued, then <paramref name="message"/>, in one send: under load many actions share a
    /// syscall, and queued actions always go before a newer one. Releases the write lock.
    /// </summary>
    private void WriteHoldingLock(AmiMessage? message)
    {
        try
        {
            while (_outgoing.Reader.TryRead(out var queued))
            {
                queued.WriteTo(_sendBuffer);
            }

            message?.WriteTo(_sendBuffer);
            var pending = _sendBuffer.WrittenSpan;
            while (!pending.IsEmpty && !_lifetime.IsCancellationRequested)
            {
                pending = pending[_socket.Send(pending)..];
            }
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            Abort($"write blocked for longer than {_options.ActionTimeout}: Asterisk is not reading");
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            Abort($"write failed: {error.Message}");
        }
        finally
        {
            _sendBuffer.ResetWrittenCount();
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

        if (frame.IsIgnored)
        {
            AmiMetrics.EventsReceived.Add(1);
            AmiMetrics.EventsIgnored.Add(1);
            _events.CountIgnored();
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
                if (!_events.Publish(message))
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
