using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Control;

namespace Orchestrator.Simulator.Ami;

/// <summary>
/// One manager connection. One reader loop frames actions into a bounded queue; one processor runs them in
/// order (as Asterisk's session thread does); one writer owns the socket's send side, so a response and an
/// event never interleave mid-message. Events reach the session through <see cref="Deliver"/>, under the core's gate.
/// </summary>
internal sealed class AmiSession : IDisposable
{
    /// <summary>
    /// Messages queued for a client that does not read. Asterisk drops such a session after its write timeout;
    /// the simulator drops it when this many messages wait, so a stuck test client cannot grow memory forever.
    /// </summary>
    public const int MaxQueuedMessages = 100_000;

    private static readonly object CloseMarker = new();

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly ILogger _logger;
    private readonly Channel<object> _outbound = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<AmiMessage> _actions = Channel.CreateBounded<AmiMessage>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly List<AmiMessage> _held = [];
    private readonly IAmiWireTap? _tap;
    private int _holds;
    private int _queued;
    private string _closeReason = "client closed the connection";

    public AmiSession(long id, string sessionId, Socket socket, DateTimeOffset connectedAt, ILogger logger, IAmiWireTap? tap = null)
    {
        _tap = tap;
        Id = id;
        SessionId = sessionId;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _logger = logger;
        Stopping = _stop.Token;
        ConnectedAt = connectedAt;
        LocalPort = (socket.LocalEndPoint as IPEndPoint)?.Port ?? 0;
        RemotePort = (socket.RemoteEndPoint as IPEndPoint)?.Port ?? 0;
    }

    public long Id { get; }

    /// <summary>The manager's session id as security events print it (<c>0x7f64…</c>).</summary>
    public string SessionId { get; }

    public DateTimeOffset ConnectedAt { get; }

    public int LocalPort { get; }

    public int RemotePort { get; }

    /// <summary>Cancelled when the connection is dropped: actions waiting on the clock give up.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Set under the core's gate by Login.</summary>
    public bool Authenticated { get; set; }

    public string? Username { get; set; }

    /// <summary>Set under the core's gate by Login and Events.</summary>
    public EventFilter Filter { get; set; } = EventFilter.Everything;

    /// <summary>The MD5 challenge handed out by <c>Action: Challenge</c>.</summary>
    public string? Challenge { get; set; }

    /// <summary>Reads and runs actions until the connection ends. <paramref name="process"/> handles one action.</summary>
    public async Task RunAsync(string banner, Func<AmiSession, AmiMessage, Task> process)
    {
        SendRaw(AmiMessageBuilder.Banner(banner));
        var writer = WriteLoopAsync();
        var processor = ProcessLoopAsync(process);
        await ReadLoopAsync().ConfigureAwait(false);
        _actions.Writer.TryComplete();
        await processor.ConfigureAwait(false);
        _outbound.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        SimulatorLog.SessionClosed(_logger, Id, _closeReason);
    }

    /// <summary>A response (or anything addressed to this session alone), queued after what is already queued.</summary>
    public void Send(AmiMessage message)
    {
        if (Interlocked.Increment(ref _queued) > MaxQueuedMessages)
        {
            Abort($"more than {MaxQueuedMessages} messages waiting: the client stopped reading");
            return;
        }

        // The message itself is queued (it is immutable): the writer serializes it straight into its batch, so
        // an event sent to N sessions costs no copy per session.
        _outbound.Writer.TryWrite(message);
    }

    /// <summary>Bytes exactly as given, filters ignored (injection).</summary>
    public void SendRaw(AmiMessage message) => Send(message);

    /// <summary>An event for every session: passed on if logged in, wanted, and not held behind a running action. Under the gate.</summary>
    public void Deliver(AmiMessage message)
    {
        if (!Authenticated || !Filter.Allows(message))
        {
            return;
        }

        if (_holds > 0)
        {
            _held.Add(message);
        }
        else
        {
            Send(message);
        }
    }

    /// <summary>Holds events back (under the gate) until <see cref="Release"/>: a synchronous action's response goes first.</summary>
    public void Hold() => _holds++;

    /// <summary>Sends the held events, in order. Under the gate.</summary>
    public void Release()
    {
        if (--_holds > 0)
        {
            return;
        }

        _holds = 0;
        foreach (var message in _held)
        {
            Send(message);
        }

        _held.Clear();
    }

    /// <summary>Sends what is queued, then closes the connection (Logoff, failed login).</summary>
    public void CloseAfterFlush(string reason)
    {
        _closeReason = reason;
        _outbound.Writer.TryWrite(CloseMarker);
    }

    public void Dispose()
    {
        _stream.Dispose();
        _stop.Dispose();
    }

    /// <summary>Drops the connection at once, as a crash or a network cut would.</summary>
    public void Abort(string reason)
    {
        _closeReason = reason;
        try
        {
            _stop.Cancel();
            _socket.LingerState = new LingerOption(true, 0);
            _socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ReadLoopAsync()
    {
        var pipe = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        var frames = new AmiFrameReader(expectBanner: false);
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(_stop.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (frames.TryRead(ref buffer, out var frame))
                {
                    // A frame without an Action header still reaches the dispatcher (kind Unknown), which answers
                    // "Missing action in request" with its ActionID, as Asterisk does.
                    if (frame.Message is { } action)
                    {
                        _tap?.Read(Id, action, Stopwatch.GetTimestamp());
                        await _actions.Writer.WriteAsync(action, _stop.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        SimulatorLog.BadFrame(_logger, Id, frame.Error.ToString(), frame.Detail);
                    }
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ProcessLoopAsync(Func<AmiSession, AmiMessage, Task> process)
    {
        try
        {
            await foreach (var action in _actions.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await process(this, action).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new ArrayBufferWriter<byte>(16 * 1024);
        var tapped = _tap is null ? null : new List<Range>();
        try
        {
            while (await _outbound.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                var close = false;
                while (!close && _outbound.Reader.TryRead(out var item))
                {
                    if (ReferenceEquals(item, CloseMarker))
                    {
                        close = true;
                    }
                    else
                    {
                        var start = batch.WrittenCount;
                        ((AmiMessage)item).WriteTo(batch);
                        tapped?.Add(start..batch.WrittenCount);
                        Interlocked.Decrement(ref _queued);
                    }
                }

                if (batch.WrittenCount > 0)
                {
                    await _stream.WriteAsync(batch.WrittenMemory, _stop.Token).ConfigureAwait(false);
                    if (tapped is not null)
                    {
                        var writtenAt = Stopwatch.GetTimestamp();
                        foreach (var written in tapped)
                        {
                            _tap!.Written(Id, batch.WrittenSpan[written], writtenAt);
                        }

                        tapped.Clear();
                    }

                    batch.ResetWrittenCount();
                }

                if (close)
                {
                    await _stream.FlushAsync(_stop.Token).ConfigureAwait(false);
                    _socket.Shutdown(SocketShutdown.Both);
                    _socket.Close();
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            try
            {
                _socket.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
