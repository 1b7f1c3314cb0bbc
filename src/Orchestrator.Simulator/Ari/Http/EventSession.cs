using System.IO.Pipelines;
using System.Threading.Channels;

namespace Orchestrator.Simulator.Ari.Http;

/// <summary>
/// One open events WebSocket (<c>/ari/events?app=…</c>): it registers its applications for as long as it is open.
/// One reader answers the client's Pings and Close; one writer owns the send side, so events go out whole and in
/// the order the switch emitted them (they are queued under the switch's gate).
/// </summary>
internal sealed class EventSession
{
    private readonly Channel<byte[]> _outbound = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly CancellationToken _stopping;

    public EventSession(long id, IReadOnlyList<string> applications, Stream stream, PipeReader reader, DateTimeOffset openedAt, CancellationToken stopping)
    {
        Id = id;
        Applications = applications;
        _stream = stream;
        _reader = reader;
        OpenedAt = openedAt;
        _stopping = stopping;
    }

    public long Id { get; }

    /// <summary>The Stasis applications this socket registered (<c>app=a,b</c>).</summary>
    public IReadOnlyList<string> Applications { get; }

    public DateTimeOffset OpenedAt { get; }

    /// <summary>Queues one event (its JSON) as a text frame.</summary>
    public void Send(byte[] json) => _outbound.Writer.TryWrite(WebSocketFrames.Build(WebSocketFrames.Text, json));

    /// <summary>Queues a raw text payload as given (injection).</summary>
    public void SendText(ReadOnlySpan<byte> payload) => _outbound.Writer.TryWrite(WebSocketFrames.Build(WebSocketFrames.Text, payload));

    /// <summary>Runs until the client closes, the connection breaks or the simulator drops it.</summary>
    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
        }
        finally
        {
            _outbound.Writer.TryComplete();
        }

        await writer.ConfigureAwait(false);
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(_stopping).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (WebSocketFrames.TryRead(ref buffer, out var frame))
                {
                    switch (frame.Opcode)
                    {
                        case WebSocketFrames.Ping:
                            _outbound.Writer.TryWrite(WebSocketFrames.Build(WebSocketFrames.Pong, frame.Payload));
                            break;
                        case WebSocketFrames.Close:
                            var code = frame.Payload.Length >= 2 ? (ushort)((frame.Payload[0] << 8) | frame.Payload[1]) : (ushort)1000;
                            _outbound.Writer.TryWrite(WebSocketFrames.CloseFrame(code));
                            _reader.AdvanceTo(buffer.Start);
                            return;
                    }
                }

                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or InvalidDataException or ObjectDisposedException or InvalidOperationException)
        {
            // Dropped, broken or nonsense: the socket is gone either way.
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var frame in _outbound.Reader.ReadAllAsync(_stopping).ConfigureAwait(false))
            {
                await _stream.WriteAsync(frame, _stopping).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection went away; nothing is left to write to.
        }
    }
}
