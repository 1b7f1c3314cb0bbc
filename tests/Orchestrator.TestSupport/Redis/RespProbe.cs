using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Orchestrator.TestSupport;

/// <summary>
/// Just enough RESP to ask a fresh redis-server "are you up?" and "which version?" without a client library, so the
/// fixture does not depend on the code under test.
/// </summary>
internal static class RespProbe
{
    /// <summary>Sends an inline command and returns the payload of a simple-string or bulk-string reply.</summary>
    public static async Task<string> SendAsync(int port, string command, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);

        var reader = new StreamReader(stream, Encoding.UTF8);
        var header = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException($"redis-server closed the connection after '{command}'.");
        switch (header[0])
        {
            case '+':
                return header[1..];
            case '$':
                var length = int.Parse(header.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                var body = new char[length];
                await reader.ReadBlockAsync(body, cancellationToken);
                return new string(body);
            default:
                throw new IOException($"redis-server answered '{command}' with '{header}'.");
        }
    }
}
