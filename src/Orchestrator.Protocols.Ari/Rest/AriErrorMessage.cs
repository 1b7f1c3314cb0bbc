using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orchestrator.Protocols.Ari.Json;

namespace Orchestrator.Protocols.Ari.Rest;

/// <summary>
/// Reads what Asterisk said in an error response: <c>{"message": "Channel not found"}</c>, the odd
/// <c>{"error": "Allocation failed"}</c> (POST /channels/create, unknown technology), or the text of the HTML
/// page its HTTP server sends for some errors (<c>&lt;p&gt;HTTP request is missing param: [app]&lt;/p&gt;</c>).
/// </summary>
public static partial class AriErrorMessage
{
    private const int MaxLength = 500;

    /// <summary>The message in <paramref name="body"/>, or null when it holds none.</summary>
    public static string? Read(ReadOnlySpan<byte> body, string? mediaType = null)
    {
        var trimmed = body.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (trimmed[0] == (byte)'{')
        {
            try
            {
                var error = JsonSerializer.Deserialize(trimmed, AriJsonContext.Default.AriErrorBody);
                if (error?.Message is { Length: > 0 } message)
                {
                    return Cap(message);
                }

                if (error?.Error is { Length: > 0 } text)
                {
                    return Cap(text);
                }
            }
            catch (Exception error) when (error is JsonException or InvalidOperationException)
            {
                // Not the JSON it looks like: fall through to plain text.
            }
        }

        var decoded = Encoding.UTF8.GetString(trimmed.Length > 16 * 1024 ? trimmed[..(16 * 1024)] : trimmed);
        if (trimmed[0] == (byte)'<' || string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase))
        {
            var html = Paragraph().Match(decoded) is { Success: true } p ? p.Groups[1].Value
                : Title().Match(decoded) is { Success: true } t ? t.Groups[1].Value
                : Tags().Replace(decoded, " ");
            var text = WebUtility.HtmlDecode(Whitespace().Replace(html, " ")).Trim();
            return text.Length == 0 ? null : Cap(text);
        }

        return Cap(Whitespace().Replace(decoded, " ").Trim());
    }

    private static string Cap(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "...";

    [GeneratedRegex("<p>(.*?)</p>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex Paragraph();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex Title();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Whitespace();
}
