using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>
/// A fake Asterisk HTTP server on 127.0.0.1 with a control surface: plain HTTP/1.1 (keep-alive) and the
/// WebSocket handshake and frames, written by hand over a TcpListener. Every request is handed to the test
/// (<see cref="Requests"/>, <see cref="Upgrades"/>), which answers it with exact bytes, hangs it, drops the
/// connection, or accepts the upgrade and drives the socket (send frames, split messages, drop it).
/// </summary>
internal sealed class LoopbackAriServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<IncomingRequest> _requests = Channel.CreateUnbounded<IncomingRequest>();
    private readonly Channel<IncomingUpgrade> _upgrades = Channel.CreateUnbounded<IncomingUpgrade>();
    private readonly List<HttpMessage> _seen = [];
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;

    public LoopbackAriServer(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Plain REST requests, in arrival order.</summary>
    public ChannelReader<IncomingRequest> Requests => _requests.Reader;

    /// <summary>WebSocket upgrade requests, in arrival order.</summary>
    public ChannelReader<IncomingUpgrade> Upgrades => _upgrades.Reader;

    /// <summary>Every request received (upgrades included), in order.</summary>
    public IReadOnlyList<HttpMessage> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    internal CancellationToken Stopping => _stop.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] all;
        lock (_connections)
        {
            all = [.. _connections, _acceptLoop];
        }

        await Task.WhenAll(all).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_connections)
                {
                    _connections.Add(ServeAsync(socket));
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var wire = new WireReader(stream);
        using var registration = _stop.Token.Register(socket.Close);
        try
        {
            while (true)
            {
                var request = await wire.ReadHttpAsync(_stop.Token);
                if (request is null)
                {
                    return;
                }

                lock (_seen)
                {
                    _seen.Add(request);
                }

                if (request.IsUpgrade)
                {
                    var upgrade = new IncomingUpgrade(request);
                    await _upgrades.Writer.WriteAsync(upgrade, _stop.Token);
                    var decision = await upgrade.Decision.WaitAsync(_stop.Token);
                    if (decision.Reject is { } rejection)
                    {
                        await stream.WriteAsync(rejection, _stop.Token);
                        continue;
                    }

                    var accept = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {WsFrame.AcceptKey(request.Header("Sec-WebSocket-Key")!)}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(accept), _stop.Token);
                    var session = new WsSession(socket, stream, wire, _stop.Token);
                    upgrade.Accepted.TrySetResult(session);
                    await session.RunAsync();
                    return;
                }

                var incoming = new IncomingRequest(request);
                await _requests.Writer.WriteAsync(incoming, _stop.Token);
                var answer = await incoming.Answer.WaitAsync(_stop.Token);
                if (answer is null)
                {
                    return; // dropped: close the connection without a response
                }

                await stream.WriteAsync(answer, _stop.Token);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
    }
}

/// <summary>A REST request waiting for the test's answer.</summary>
internal sealed class IncomingRequest(HttpMessage request)
{
    private readonly TaskCompletionSource<byte[]?> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HttpMessage Request { get; } = request;

    public RequestTarget Target { get; } = RequestTarget.Parse(request.Target);

    internal Task<byte[]?> Answer => _answer.Task;

    public void Respond(byte[] raw) => _answer.TrySetResult(raw);

    public void Respond(int status, string reason, string? json = null)
    {
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var head = $"HTTP/1.1 {status} {reason}\r\nServer: AsteriskLab\r\nCache-Control: no-cache, no-store\r\n"
            + (json is null ? string.Empty : "Content-type: application/json\r\n")
            + $"Content-Length: {body.Length}\r\n\r\n";
        Respond([.. Encoding.ASCII.GetBytes(head), .. body]);
    }

    /// <summary>Closes the connection without answering (the request was read: its outcome is unknown to the client).</summary>
    public void Drop() => _answer.TrySetResult(null);

    /// <summary>Never answers (until the server stops).</summary>
    public void Hang() => Hung = true;

    public bool Hung { get; private set; }
}

/// <summary>A WebSocket upgrade waiting for the test's decision.</summary>
internal sealed class IncomingUpgrade(HttpMessage request)
{
    private readonly TaskCompletionSource<(byte[]? Reject, bool Accept)> _decision = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HttpMessage Request { get; } = request;

    public RequestTarget Target { get; } = RequestTarget.Parse(request.Target);

    internal Task<(byte[]? Reject, bool Accept)> Decision => _decision.Task;

    internal TaskCompletionSource<WsSession> Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<WsSession> AcceptAsync()
    {
        _decision.TrySetResult((null, true));
        return Accepted.Task;
    }

    /// <summary>Answers with exact bytes (e.g. a recorded 401) and keeps the connection open, as Asterisk does.</summary>
    public void Reject(byte[] raw) => _decision.TrySetResult((raw, false));

    public void Reject(int status, string reason) =>
        Reject(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\nServer: AsteriskLab\r\nContent-Length: 0\r\n\r\n"));
}

/// <summary>The server side of an open events socket.</summary>
internal sealed class WsSession
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly WireReader _wire;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _received = [];
    private bool _closeSent;

    public WsSession(Socket socket, Stream stream, WireReader wire, CancellationToken stopping)
    {
        _socket = socket;
        _stream = stream;
        _wire = wire;
        _stopping = stopping;
    }

    /// <summary>Completes when the socket is gone.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Answer the client's Pings (as Asterisk does). False plays a half-dead peer.</summary>
    public bool AnswerPings { get; set; } = true;

    /// <summary>Opcodes (and close codes) the client sent, for assertions.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync(_stopping);
        try
        {
            await _stream.WriteAsync(bytes, _stopping);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task SendTextAsync(string text) => SendRawAsync(WsFrame.Build(WsFrame.Text, Encoding.UTF8.GetBytes(text)));

    /// <summary>Sends one text message split over <paramref name="parts"/> frames (text, then continuations), optionally with a Ping between them.</summary>
    public async Task SendFragmentedAsync(byte[] payload, int parts, bool pingBetween = false)
    {
        var size = (payload.Length + parts - 1) / parts;
        for (var i = 0; i < parts; i++)
        {
            var chunk = payload.AsSpan(Math.Min(i * size, payload.Length), Math.Min(size, payload.Length - Math.Min(i * size, payload.Length)));
            await SendRawAsync(WsFrame.Build(i == 0 ? WsFrame.Text : WsFrame.Continuation, chunk, fin: i == parts - 1));
            if (pingBetween && i < parts - 1)
            {
                await SendRawAsync(WsFrame.Build(WsFrame.Ping, "are you there"u8));
            }
        }
    }

    /// <summary>Sends a Close frame (as Asterisk does when it shuts down).</summary>
    public async Task CloseAsync(ushort code = 1001)
    {
        _closeSent = true;
        await SendRawAsync(WsFrame.CloseFrame(code));
    }

    /// <summary>Drops the TCP connection without a Close frame (a crash, a cable pulled).</summary>
    public void Drop()
    {
        _socket.Close();
        _closed.TrySetResult();
    }

    internal async Task RunAsync()
    {
        try
        {
            while (true)
            {
                var header = await _wire.ReadExactAsync(2, _stopping);
                var opcode = (byte)(header[0] & 0x0F);
                var masked = (header[1] & 0x80) != 0;
                long length = header[1] & 0x7F;
                if (length == 126)
                {
                    length = BinaryPrimitives.ReadUInt16BigEndian(await _wire.ReadExactAsync(2, _stopping));
                }
                else if (length == 127)
                {
                    length = (long)BinaryPrimitives.ReadUInt64BigEndian(await _wire.ReadExactAsync(8, _stopping));
                }

                var mask = masked ? await _wire.ReadExactAsync(4, _stopping) : [0, 0, 0, 0];
                var payload = await _wire.ReadExactAsync((int)length, _stopping);
                for (var i = 0; i < payload.Length; i++)
                {
                    payload[i] ^= mask[i % 4];
                }

                switch (opcode)
                {
                    case WsFrame.Ping:
                        Record("ping");
                        if (AnswerPings)
                        {
                            await SendRawAsync(WsFrame.Build(WsFrame.Pong, payload));
                        }

                        break;

                    case WsFrame.Close:
                        Record(payload.Length >= 2 ? $"close {BinaryPrimitives.ReadUInt16BigEndian(payload)}" : "close");
                        if (!_closeSent)
                        {
                            _closeSent = true;
                            await SendRawAsync(WsFrame.CloseFrame(payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : (ushort)1000));
                        }

                        return;

                    default:
                        Record($"opcode {opcode}");
                        break;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or SocketException or ObjectDisposedException or EndOfStreamException)
        {
        }
        finally
        {
            _socket.Close();
            _closed.TrySetResult();
        }
    }

    private void Record(string what)
    {
        lock (_received)
        {
            _received.Add(what);
        }
    }
}

/// <summary>Buffered reads of HTTP messages and exact byte counts from one stream.</summary>
internal sealed class WireReader(Stream stream)
{
    private readonly byte[] _chunk = new byte[64 * 1024];
    private readonly List<byte> _buffer = [];

    public async Task<HttpMessage?> ReadHttpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (HttpMessage.TryParse(_buffer.ToArray(), out var message, out var consumed))
            {
                _buffer.RemoveRange(0, consumed);
                return message;
            }

            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    public async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        while (_buffer.Count < count)
        {
            if (!await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException();
            }
        }

        var bytes = _buffer.GetRange(0, count).ToArray();
        _buffer.RemoveRange(0, count);
        return bytes;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(_chunk, cancellationToken);
        if (read == 0)
        {
            return false;
        }

        _buffer.AddRange(_chunk.AsSpan(0, read));
        return true;
    }
}
