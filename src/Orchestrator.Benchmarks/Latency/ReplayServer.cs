using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Benchmarks.Latency;

/// <summary>
/// A minimal AMI server for one client: it accepts the login and the adapter's resync, then, when asked, writes a
/// prebuilt block of recorded events again and again as fast as the client reads. It allocates nothing per event,
/// so what the process allocates while it streams is the client's and the adapter's.
/// </summary>
internal sealed class ReplayServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _block;
    private readonly TaskCompletionSource<NetworkStream> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _session = Task.CompletedTask;
    private long _eventsWritten;

    public ReplayServer(IReadOnlyList<AmiMessage> events, int minimumBlockBytes = 256 * 1024)
    {
        using var block = new MemoryStream();
        while (block.Length < minimumBlockBytes)
        {
            foreach (var message in events)
            {
                block.Write(message.ToWireBytes());
                EventsPerBlock++;
            }
        }

        _block = block.ToArray();
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _session = RunAsync();
    }

    public int Port { get; }

    public int EventsPerBlock { get; }

    public long EventsWritten => Interlocked.Read(ref _eventsWritten);

    /// <summary>Writes the block over and over until <paramref name="stop"/>.</summary>
    public async Task StreamAsync(CancellationToken stop)
    {
        var stream = await _connected.Task;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await _writeGate.WaitAsync(stop);
                try
                {
                    await stream.WriteAsync(_block, stop);
                }
                finally
                {
                    _writeGate.Release();
                }

                Interlocked.Add(ref _eventsWritten, EventsPerBlock);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _session;
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
        _writeGate.Dispose();
    }

    private async Task RunAsync()
    {
        using var socket = await _listener.AcceptSocketAsync(_stop.Token);
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await WriteAsync(stream, "Asterisk Call Manager/11.0.0\r\n");
        _connected.TrySetResult(stream);

        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        var frames = new AmiFrameReader(expectBanner: false);
        try
        {
            while (true)
            {
                var result = await pipe.ReadAsync(_stop.Token);
                var buffer = result.Buffer;
                while (frames.TryRead(ref buffer, out var frame))
                {
                    if (frame.Message is { } action)
                    {
                        await WriteAsync(stream, Reply(action));
                    }
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            await pipe.CompleteAsync();
        }
    }

    private static string Reply(AmiMessage action)
    {
        var id = action.ActionId ?? string.Empty;
        return action.ActionName switch
        {
            "CoreShowChannels" =>
                $"Response: Success\r\nActionID: {id}\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n" +
                $"Event: CoreShowChannelsComplete\r\nActionID: {id}\r\nEventList: Complete\r\nListItems: 0\r\n\r\n",
            "Logoff" => $"Response: Goodbye\r\nActionID: {id}\r\nMessage: Thanks for all the fish.\r\n\r\n",
            "Login" => $"Response: Success\r\nActionID: {id}\r\nMessage: Authentication accepted\r\n\r\n",
            _ => $"Response: Success\r\nActionID: {id}\r\n\r\n",
        };
    }

    private async Task WriteAsync(NetworkStream stream, string text)
    {
        await _writeGate.WaitAsync(_stop.Token);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
