using System.Net;

namespace Orchestrator.Protocols.Ari;

/// <summary>Base of the ARI client's errors.</summary>
public class AriException : Exception
{
    public AriException(string message)
        : base(message)
    {
    }

    public AriException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}

/// <summary>Asterisk could not be reached (connection refused, no route, DNS): the request was NOT sent.</summary>
public sealed class AriNotConnectedException(string message, Exception? inner = null) : AriException(message, inner);

/// <summary>
/// Asterisk is up but not ready yet (503, or 404 while res_ari is still loading), or refused the connection
/// while it starts: "not yet", try again later. The client's reconnect loop handles this quietly.
/// </summary>
public sealed class AriNotReadyException(string message, Exception? inner = null) : AriException(message, inner);

/// <summary>
/// Asterisk answered with an error status. <see cref="AsteriskMessage"/> is what Asterisk said
/// (<c>{"message": ...}</c> or <c>{"error": ...}</c>, or the text of an HTML error page).
/// </summary>
public class AriRequestException : AriException
{
    public AriRequestException(HttpStatusCode statusCode, string method, string path, string? asteriskMessage, string? detail = null)
        : base(Describe(statusCode, method, path, asteriskMessage, detail))
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        AsteriskMessage = asteriskMessage;
    }

    public HttpStatusCode StatusCode { get; }

    public string Method { get; }

    /// <summary>The request path and query (relative to <c>/ari/</c>).</summary>
    public string Path { get; }

    /// <summary>Asterisk's own words, e.g. <c>Channel not found</c>; null if the body said nothing.</summary>
    public string? AsteriskMessage { get; }

    private static string Describe(HttpStatusCode status, string method, string path, string? message, string? detail) =>
        $"ARI {method} /ari/{path} failed with {(int)status} {status}: {message ?? "(no message)"}{(detail is null ? string.Empty : $". {detail}")}";
}

/// <summary>404: the channel, bridge, recording or resource does not exist (for a hangup: the channel is already gone).</summary>
public sealed class AriNotFoundException(string method, string path, string? asteriskMessage)
    : AriRequestException(HttpStatusCode.NotFound, method, path, asteriskMessage);

/// <summary>401: Asterisk refused the credentials.</summary>
public sealed class AriAuthenticationException(string method, string path, string? asteriskMessage, string username)
    : AriRequestException(
        HttpStatusCode.Unauthorized,
        method,
        path,
        asteriskMessage,
        $"Asterisk refused the ARI user '{username}': check the user's section in ari.conf (type = user, password, password_format) and that ari.conf has enabled = yes");

/// <summary>
/// The request was sent but its outcome is unknown: no response came in time, or the connection broke
/// before it did. A POST that creates something (an originate) may have taken effect: never resend it
/// blindly; list channels and reconcile instead.
/// </summary>
public abstract class AriOutcomeUnknownException(string message, Exception? inner) : AriException(message, inner);

/// <summary>No response arrived within the request timeout.</summary>
public sealed class AriRequestTimeoutException(string message, Exception? inner = null) : AriOutcomeUnknownException(message, inner);

/// <summary>The connection broke after the request was sent and before the response arrived.</summary>
public sealed class AriConnectionLostException(string message, Exception? inner = null) : AriOutcomeUnknownException(message, inner);

/// <summary>A WebSocket message was larger than <see cref="AriClientOptions.MaxMessageBytes"/>.</summary>
public sealed class AriMessageTooLargeException(long length, int max)
    : AriException($"An ARI event message of {length} bytes exceeds the {max}-byte limit (AriClientOptions.MaxMessageBytes); it was skipped.")
{
    public long Length { get; } = length;
}
