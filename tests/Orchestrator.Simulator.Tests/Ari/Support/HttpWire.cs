using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Orchestrator.Simulator.Tests.Ari.Support;

/// <summary>One HTTP/1.1 message as bytes: start line, headers, Content-Length body.</summary>
internal sealed class HttpWireMessage
{
    private HttpWireMessage(string startLine, List<KeyValuePair<string, string>> headers, byte[] body)
    {
        StartLine = startLine;
        Headers = headers;
        Body = body;
    }

    public string StartLine { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string Method => StartLine.Split(' ')[0];

    public string Target => StartLine.Split(' ')[1];

    public int Status => int.Parse(StartLine.Split(' ')[1], CultureInfo.InvariantCulture);

    public bool IsUpgrade => string.Equals(Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase);

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static bool TryParse(List<byte> buffer, out HttpWireMessage? message)
    {
        message = null;
        var bytes = buffer.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var lines = Encoding.UTF8.GetString(bytes, 0, end).Split("\r\n");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(colon < 0 ? new(line, string.Empty) : new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var lengthText = headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        var length = lengthText is null ? 0 : int.Parse(lengthText, CultureInfo.InvariantCulture);
        if (bytes.Length < end + 4 + length)
        {
            return false;
        }

        message = new HttpWireMessage(lines[0], headers, bytes.AsSpan(end + 4, length).ToArray());
        buffer.RemoveRange(0, end + 4 + length);
        return true;
    }

    public override string ToString() => StartLine;
}

/// <summary>A raw client connection to the simulator: exact request bytes out, responses and WebSocket frames in.</summary>
internal sealed class RawConnection : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly List<byte> _buffer = [];
    private readonly byte[] _chunk = new byte[64 * 1024];

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        return new RawConnection(client);
    }

    public Task SendAsync(byte[] bytes) => _stream.WriteAsync(bytes).AsTask();

    public async Task<HttpWireMessage> ReadResponseAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (HttpWireMessage.TryParse(_buffer, out var message))
            {
                return message!;
            }

            await FillAsync(timeout.Token);
        }
    }

    /// <summary>The next server frame (opcode, payload); null when the connection closed.</summary>
    public async Task<(int Opcode, byte[] Payload)?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if (_buffer.Count >= 2)
                {
                    var length = _buffer[1] & 0x7F;
                    var header = 2;
                    long size = length;
                    if (length == 126 && _buffer.Count >= 4)
                    {
                        size = (_buffer[2] << 8) | _buffer[3];
                        header = 4;
                    }
                    else if (length == 127 && _buffer.Count >= 10)
                    {
                        size = 0;
                        for (var i = 2; i < 10; i++)
                        {
                            size = (size << 8) | _buffer[i];
                        }

                        header = 10;
                    }
                    else if (length >= 126)
                    {
                        header = -1;
                    }

                    if (header > 0 && _buffer.Count >= header + size)
                    {
                        var opcode = _buffer[0] & 0x0F;
                        var payload = _buffer.GetRange(header, (int)size).ToArray();
                        _buffer.RemoveRange(0, header + (int)size);
                        return (opcode, payload);
                    }
                }

                await FillAsync(cancellationToken);
            }
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>A masked client Close frame (code 1000).</summary>
    public Task SendCloseAsync() => SendAsync([0x88, 0x82, 0x01, 0x02, 0x03, 0x04, 0x03 ^ 0x01, 0xE8 ^ 0x02]);

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var read = await _stream.ReadAsync(_chunk, cancellationToken);
        if (read == 0)
        {
            throw new EndOfStreamException("the simulator closed the connection");
        }

        _buffer.AddRange(_chunk.AsSpan(0, read));
    }
}
