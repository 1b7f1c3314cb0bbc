using System.Globalization;
using System.Text;
using Orchestrator.Simulator.Ari.Stasis;

namespace Orchestrator.Simulator.Ari.Http;

/// <summary>
/// A response as Asterisk's HTTP server writes it: <c>Server</c>, <c>Date</c>, <c>Cache-Control</c>, any extra headers
/// (<c>WWW-Authenticate</c>, <c>Location</c>), <c>Content-type</c> when there is a body, <c>Content-Length</c>.
/// </summary>
internal sealed class AriHttpResponse
{
    private AriHttpResponse(int status, string reason, byte[]? body, string contentType, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        Status = status;
        Reason = reason;
        Body = body;
        ContentType = contentType;
        Headers = headers;
    }

    public int Status { get; }

    public string Reason { get; }

    public byte[]? Body { get; }

    public string ContentType { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>A second response sent right after this one (Asterisk's second 400 after an upgrade without app=).</summary>
    public AriHttpResponse? Next { get; private init; }

    public AriHttpResponse WithNext(AriHttpResponse next) => new(Status, Reason, Body, ContentType, Headers) { Next = next };

    public static AriHttpResponse Json(int status, string reason, byte[] body, params KeyValuePair<string, string>[] headers) =>
        new(status, reason, body, "application/json", headers);

    public static AriHttpResponse Ok(byte[] body) => Json(200, "OK", body);

    public static AriHttpResponse Created(byte[] body, string location) => Json(201, "Created", body, new KeyValuePair<string, string>("Location", location));

    public static AriHttpResponse NoContent() => new(204, "No Content", null, string.Empty, []);

    public static AriHttpResponse Empty(int status, string reason, params KeyValuePair<string, string>[] headers) => new(status, reason, null, string.Empty, headers);

    public static AriHttpResponse Error(StasisError error) =>
        Json(error.Status, error.Reason, error.ErrorField ? AriJson.Object(w => w.WriteString("error", error.Message)) : AriJson.Message(error.Message));

    public static AriHttpResponse Error(int status, string reason, string message, params KeyValuePair<string, string>[] headers) =>
        Json(status, reason, AriJson.Message(message), headers);

    /// <summary>The HTML error page of Asterisk's HTTP core (for what is not an ARI resource).</summary>
    public static AriHttpResponse Html(int status, string reason, string message, string server)
    {
        var html = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\r\n<html><head>\r\n"
            + $"<title>{status} {reason}</title>\r\n</head><body>\r\n<h1>{reason}</h1>\r\n<p>{message}</p>\r\n<hr />\r\n"
            + $"<address>{server}</address>\r\n</body></html>\r\n";
        return new AriHttpResponse(status, reason, Encoding.UTF8.GetBytes(html), "text/html", []);
    }

    public byte[] Serialize(string server, DateTimeOffset now)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {Reason}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Server: {server}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)}\r\n")
            .Append("Cache-Control: no-cache, no-store\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (Body is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-type: {ContentType}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body?.Length ?? 0}\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. Body ?? [], .. Next?.Serialize(server, now) ?? []];
    }
}
