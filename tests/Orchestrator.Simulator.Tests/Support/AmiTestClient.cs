using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Simulator.Tests.Support;

/// <summary>
/// A raw AMI client over a real loopback socket: sends exact bytes, frames what comes back with the production
/// frame reader. Every wait is bounded by real time so a broken simulator fails a test instead of hanging it.
/// </summary>
internal sealed class AmiTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly Channel<AmiMessage> _received = Channel.CreateUnbounded<AmiMessage>();
    private readonly Task _reader;
    private int _actionCounter;

    private AmiTestClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = ReadLoopAsync();
    }

    public static async Task<AmiTestClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        using var timeout = new CancellationTokenSource(Patience);
        await tcp.ConnectAsync("127.0.0.1", port, timeout.Token);
        return new AmiTestClient(tcp);
    }

    /// <summary>Connects and reads the banner.</summary>
    public static async Task<AmiTestClient> ConnectAndGreetAsync(int port)
    {
        var client = await ConnectAsync(port);
        var banner = await client.ReadAsync();
        Assert.Equal(AmiMessageKind.Banner, banner.Kind);
        return client;
    }

    public int Sent { get; private set; }

    public Task SendRawAsync(byte[] bytes)
    {
        Sent++;
        return _stream.WriteAsync(bytes).AsTask();
    }

    public Task SendAsync(AmiAction action)
    {
        action.ActionId ??= $"t-{Interlocked.Increment(ref _actionCounter)}";
        return SendRawAsync(action.ToMessage().ToWireBytes());
    }

    /// <summary>The next message; fails the test when none comes in time or the connection ended.</summary>
    public async Task<AmiMessage> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            if (await _received.Reader.WaitToReadAsync(timeout.Token) && _received.Reader.TryRead(out var message))
            {
                return message;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No AMI message within {Patience}.");
        }

        Assert.Fail("The connection closed while a message was expected.");
        return null!;
    }

    /// <summary>Reads until a message matches, returning it and everything before it.</summary>
    public async Task<(AmiMessage Match, List<AmiMessage> Before)> ReadUntilAsync(Func<AmiMessage, bool> predicate)
    {
        var before = new List<AmiMessage>();
        while (true)
        {
            var message = await ReadAsync();
            if (predicate(message))
            {
                return (message, before);
            }

            before.Add(message);
        }
    }

    /// <summary>The response to the action with this ActionID, skipping events.</summary>
    public async Task<AmiMessage> ReadResponseAsync(string actionId) =>
        (await ReadUntilAsync(m => m.Kind == AmiMessageKind.Response && m.ActionId == actionId)).Match;

    /// <summary>Whatever has arrived so far, without waiting.</summary>
    public List<AmiMessage> Drain()
    {
        var messages = new List<AmiMessage>();
        while (_received.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Waits until the server closes the connection; fails if a message arrives instead, unless <paramref name="skipMessages"/>.</summary>
    public async Task ExpectClosedAsync(bool skipMessages = false)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (await _received.Reader.WaitToReadAsync(timeout.Token))
            {
                Assert.True(skipMessages && _received.Reader.TryRead(out _), _received.Reader.TryPeek(out var extra) ? $"Expected the connection to close, got: {extra}" : null);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("The server did not close the connection.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }
    }

    public static string Text(AmiMessage message) => Encoding.UTF8.GetString(message.RawBytes);

    private async Task ReadLoopAsync()
    {
        var pipe = PipeReader.Create(_stream);
        var frames = new AmiFrameReader(expectBanner: true);
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync();
                var buffer = result.Buffer;
                while (frames.TryRead(ref buffer, out var frame))
                {
                    if (frame.Message is { } message)
                    {
                        _received.Writer.TryWrite(message);
                    }
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
