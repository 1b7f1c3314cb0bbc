using System.Buffers;
using System.Globalization;
using System.Text;

namespace Orchestrator.Simulator.Ari.Http;

/// <summary>One HTTP/1.1 request as the simulator read it: start line, headers, Content-Length body.</summary>
internal sealed class AriHttpRequest
{
    private readonly List<KeyValuePair<string, string>> _parameters;

    public AriHttpRequest(string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        Path = question < 0 ? target : target[..question];
        Query = question < 0 ? string.Empty : target[(question + 1)..];
        _parameters = ParseQuery(Query);
    }

    public string Method { get; }

    /// <summary>The request target as sent: <c>/ari/channels?app=orchestrator</c>.</summary>
    public string Target { get; }

    /// <summary>The path, still escaped: <c>/ari/channels</c>.</summary>
    public string Path { get; }

    /// <summary>The query, still escaped, without the '?'.</summary>
    public string Query { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public bool IsWebSocketUpgrade => string.Equals(Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path segments after <c>/ari/</c>, unescaped; null for a path outside <c>/ari</c>.</summary>
    public IReadOnlyList<string>? AriSegments =>
        Path.StartsWith("/ari/", StringComparison.Ordinal)
            ? [.. Path[5..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)]
            : null;

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>A query parameter, unescaped ('+' is a space); the last one wins when repeated.</summary>
    public string? Parameter(string name) => _parameters.LastOrDefault(p => p.Key == name).Value;

    /// <summary>A list parameter: comma-separated values, or the parameter repeated.</summary>
    public IReadOnlyList<string> List(string name) =>
        [.. _parameters.Where(p => p.Key == name).SelectMany(p => p.Value.Split(',', StringSplitOptions.RemoveEmptyEntries))];

    public int? Int(string name) =>
        Parameter(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public override string ToString() => $"{Method} {Target}";

    private static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            parameters.Add(new(Unescape(name), Unescape(value)));
        }

        return parameters;
    }

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}

/// <summary>What <see cref="HttpRequestParser.TryParse"/> found.</summary>
internal enum HttpParseStatus
{
    Incomplete,
    Complete,
    Invalid,
}

/// <summary>
/// Reads one HTTP/1.1 request from the start of a buffer: a pure function over bytes (the connection feeds it what
/// the socket gave). Heads over 32 KiB, bodies over 4 MiB and chunked bodies are refused as invalid.
/// </summary>
internal static class HttpRequestParser
{
    public const int MaxHeadBytes = 32 * 1024;
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static HttpParseStatus TryParse(ref ReadOnlySequence<byte> buffer, out AriHttpRequest? request, out string? error)
    {
        request = null;
        error = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> head, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            if (buffer.Length > MaxHeadBytes)
            {
                error = $"request head longer than {MaxHeadBytes} bytes";
                return HttpParseStatus.Invalid;
            }

            return HttpParseStatus.Incomplete;
        }

        if (head.Length > MaxHeadBytes)
        {
            error = $"request head longer than {MaxHeadBytes} bytes";
            return HttpParseStatus.Invalid;
        }

        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var start = lines[0].Split(' ');
        if (start.Length != 3 || !start[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || start[1].Length == 0)
        {
            error = $"not an HTTP/1.x request line: '{lines[0]}'";
            return HttpParseStatus.Invalid;
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var transferEncoding = headers.FirstOrDefault(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Value;
        if (transferEncoding is not null && !transferEncoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            error = "chunked request bodies are not supported (send Content-Length)";
            return HttpParseStatus.Invalid;
        }

        var lengthText = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        long length = 0;
        if (lengthText is not null && (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > MaxBodyBytes))
        {
            error = $"bad Content-Length '{lengthText}'";
            return HttpParseStatus.Invalid;
        }

        if (reader.Remaining < length)
        {
            return HttpParseStatus.Incomplete;
        }

        var body = reader.UnreadSequence.Slice(0, length).ToArray();
        reader.Advance(length);
        buffer = buffer.Slice(reader.Position);
        request = new AriHttpRequest(start[0], start[1], headers, body);
        return HttpParseStatus.Complete;
    }
}
