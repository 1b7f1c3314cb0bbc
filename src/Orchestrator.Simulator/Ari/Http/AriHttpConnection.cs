using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orchestrator.Simulator.Ari.Http;

/// <summary>
/// One TCP connection to the simulated Asterisk HTTP server: keep-alive HTTP/1.1 requests, answered one at a time in
/// order, until the client closes it, the simulator drops it, or it is upgraded to an events WebSocket.
/// </summary>
internal sealed class AriHttpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly AsteriskAriSimulator _simulator;
    private readonly CancellationTokenSource _stop = new();

    public AriHttpConnection(long id, Socket socket, AsteriskAriSimulator simulator)
    {
        Id = id;
        _socket = socket;
        _simulator = simulator;
        RemotePort = (socket.RemoteEndPoint as IPEndPoint)?.Port ?? 0;
    }

    public long Id { get; }

    public int RemotePort { get; }

    /// <summary>Set once the connection became an events WebSocket.</summary>
    public EventSession? Session { get; private set; }

    /// <summary>Cuts the connection at once (a TCP reset: no Close frame, no response).</summary>
    public void Abort()
    {
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

    public void Dispose() => _stop.Dispose();

    public async Task RunAsync()
    {
        var stream = new NetworkStream(_socket, ownsSocket: true);
        var reader = PipeReader.Create(stream);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var (request, error) = await ReadRequestAsync(reader).ConfigureAwait(false);
                if (error is not null)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), _stop.Token).ConfigureAwait(false);
                    return;
                }

                if (request is null)
                {
                    return;
                }

                if (request.IsWebSocketUpgrade)
                {
                    // An accepted upgrade is registered before the 101 goes out: the app exists when the client sees it open.
                    var (answer, session) = _simulator.Upgrade(Id, request, stream, reader, _stop.Token);
                    await stream.WriteAsync(answer, _stop.Token).ConfigureAwait(false);
                    if (session is null)
                    {
                        continue;
                    }

                    Session = session;
                    try
                    {
                        await session!.RunAsync().ConfigureAwait(false);
                    }
                    finally
                    {
                        _simulator.Closed(session!);
                    }

                    return;
                }

                var response = await _simulator.HandleAsync(request, _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(response, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away or the simulator dropped the connection.
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<(AriHttpRequest? Request, string? Error)> ReadRequestAsync(PipeReader reader)
    {
        while (true)
        {
            var result = await reader.ReadAsync(_stop.Token).ConfigureAwait(false);
            var buffer = result.Buffer;
            switch (HttpRequestParser.TryParse(ref buffer, out var request, out var error))
            {
                case HttpParseStatus.Complete:
                    reader.AdvanceTo(buffer.Start);
                    return (request, null);
                case HttpParseStatus.Invalid:
                    reader.AdvanceTo(buffer.Start);
                    return (null, error);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return (null, null);
            }
        }
    }
}
