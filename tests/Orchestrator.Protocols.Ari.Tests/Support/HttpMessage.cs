using System.Text;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>One HTTP/1.1 request or response, as bytes on the wire: start line, headers, Content-Length body.</summary>
internal sealed class HttpMessage
{
    private HttpMessage(string startLine, List<KeyValuePair<string, string>> headers, byte[] body, byte[] raw)
    {
        StartLine = startLine;
        Headers = headers;
        Body = body;
        Raw = raw;
    }

    public string StartLine { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    /// <summary>The exact bytes of the whole message.</summary>
    public byte[] Raw { get; }

    public string Method => StartLine.Split(' ')[0];

    /// <summary>The request target, e.g. <c>/ari/channels?app=orchestrator</c>.</summary>
    public string Target => StartLine.Split(' ')[1];

    public int Status => int.Parse(StartLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    public bool IsUpgrade => string.Equals(Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase);

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Parses one complete message from the start of <paramref name="buffer"/>; false if more bytes are needed.</summary>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out HttpMessage? message, out int consumed)
    {
        message = null;
        consumed = 0;
        var end = buffer.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var head = Encoding.UTF8.GetString(buffer[..end]);
        var lines = head.Split("\r\n");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(colon < 0 ? new(line, string.Empty) : new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var lengthText = headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        var length = lengthText is null ? 0 : int.Parse(lengthText, System.Globalization.CultureInfo.InvariantCulture);
        var total = end + 4 + length;
        if (buffer.Length < total)
        {
            return false;
        }

        message = new HttpMessage(lines[0], headers, buffer.Slice(end + 4, length).ToArray(), buffer[..total].ToArray());
        consumed = total;
        return true;
    }

    /// <summary>Every message in <paramref name="stream"/>, in order; the rest (bytes that are not a whole message) in <paramref name="rest"/>.</summary>
    public static List<HttpMessage> ParseAll(byte[] stream, out byte[] rest)
    {
        var messages = new List<HttpMessage>();
        var offset = 0;
        while (TryParse(stream.AsSpan(offset), out var message, out var consumed))
        {
            messages.Add(message!);
            offset += consumed;
        }

        rest = stream[offset..];
        return messages;
    }

    public override string ToString() => StartLine;
}
