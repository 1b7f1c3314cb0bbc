using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Orchestrator.Simulator.Ari.Http;
using Orchestrator.Simulator.Ari.Stasis;

namespace Orchestrator.Simulator.Ari.Rest;

/// <summary>
/// The REST resources an outbound dialer uses, answered the way Asterisk 22 answers them (status, reason phrase,
/// body), in the order: starting (503) → authentication (401) → resource → the control surface's faults → handler.
/// Handlers run under the switch's gate, so their events and the state they change are in one order.
/// </summary>
internal sealed partial class AriRestApi
{
    private static readonly KeyValuePair<string, string> Challenge = new("WWW-Authenticate", "Basic realm=\"Asterisk REST Interface\"");
    private readonly AsteriskAriSimulator _simulator;
    private readonly AriSwitch _switch;

    public AriRestApi(AsteriskAriSimulator simulator, AriSwitch owner)
    {
        _simulator = simulator;
        _switch = owner;
    }

    private AsteriskAriSimulatorOptions Options => _simulator.Options;

    public async Task<AriHttpResponse> HandleAsync(AriHttpRequest request, CancellationToken cancellationToken)
    {
        _switch.Counters.Request();
        if (Refusal(request) is { } refused)
        {
            _simulator.Control.Seen(request, refused.Status);
            return refused;
        }

        if (request.AriSegments is not { } segments)
        {
            return AriHttpResponse.Html(404, "Not Found", "The requested URL was not found on this server.", Options.ServerName);
        }

        if (segments.Count >= 1 && segments[0] == "channels" && request.Method == "POST")
        {
            if (segments.Count == 1)
            {
                _switch.Counters.Originate();
            }
            else if (segments is [_, "create"])
            {
                _switch.Counters.Create();
            }
        }

        var fault = _simulator.Control.TakeFault(request.Method, segments);
        AriHttpResponse response;
        if (fault?.Status is { } status)
        {
            response = AriHttpResponse.Error(status, ReasonPhrase(status), fault.Message ?? "Simulated failure");
        }
        else
        {
            lock (_switch.Gate)
            {
                response = Route(request, segments);
            }
        }

        _simulator.Control.Seen(request, response.Status);
        if (fault is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            // Asterisk did the work; its answer is late (or never reaches a client that gave up).
            await Task.Delay(delay, _switch.Time, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>503 while starting, 401 for bad or missing credentials (header or <c>api_key</c>); null when the request may go on.</summary>
    public AriHttpResponse? Refusal(AriHttpRequest request)
    {
        if (_simulator.IsStarting)
        {
            _switch.Counters.Starting();
            return AriHttpResponse.Error(503, "Service Unavailable", "Asterisk is not fully booted yet");
        }

        if (Authenticate(request) is { } failure)
        {
            _switch.Counters.Refused();
            AriSimulatorLog.Unauthorized(_simulator.Logger, request.Method, request.Path, failure);
            return AriHttpResponse.Error(401, "Unauthorized", "Authentication required", Challenge);
        }

        return null;
    }

    /// <summary>Null when the credentials are right; otherwise what is wrong with them (for the log).</summary>
    private string? Authenticate(AriHttpRequest request)
    {
        string? credentials = null;
        if (request.Header("Authorization") is { } authorization && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            }
            catch (FormatException)
            {
                return "the Authorization header is not valid Basic credentials";
            }
        }
        else if (request.Parameter("api_key") is { } apiKey)
        {
            credentials = apiKey;
        }

        if (credentials is null)
        {
            return "no credentials (neither an Authorization header nor ?api_key=)";
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? credentials : credentials[..colon];
        var password = colon < 0 ? string.Empty : credentials[(colon + 1)..];
        if (!string.Equals(user, Options.Username, StringComparison.Ordinal))
        {
            return $"no ARI user '{user}' in ari.conf";
        }

        return string.Equals(password, Options.Password, StringComparison.Ordinal) ? null : $"wrong password for ARI user '{user}'";
    }

    private AriHttpResponse Route(AriHttpRequest request, IReadOnlyList<string> s)
    {
        var method = request.Method;
        return s switch
        {
            ["asterisk", "info"] => Only(method, "GET", () => AsteriskInfo(request)),
            ["asterisk", "ping"] => Only(method, "GET", Ping),
            ["channels"] => method switch
            {
                "GET" => ListChannels(),
                "POST" => Originate(request, createOnly: false),
                _ => InvalidMethod(),
            },
            ["channels", "create"] => Only(method, "POST", () => Originate(request, createOnly: true)),
            ["channels", var id] => method switch
            {
                "GET" => WithChannel(id, c => AriHttpResponse.Ok(AriJson.Write(w => AriJson.Channel(w, c)))),
                "DELETE" => WithChannel(id, c => Hangup(request, c)),
                _ => InvalidMethod(),
            },
            ["channels", var id, "answer"] => Only(method, "POST", () => WithChannel(id, c => NoContentOr(_switch.Answer(c)))),
            ["channels", var id, "continue"] => Only(method, "POST", () => WithChannel(id, c => NoContentOr(_switch.Continue(c, request.Parameter("context"), request.Parameter("extension"), request.Int("priority"))))),
            ["channels", var id, "dial"] => Only(method, "POST", () => WithChannel(id, c => NoContentOr(AriSwitch.StartDial(c, request.Int("timeout"))))),
            ["channels", var id, "play"] => Only(method, "POST", () => WithChannel(id, c => Play(request, c))),
            ["channels", var id, "record"] => Only(method, "POST", () => WithChannel(id, c => Record(request, null, c))),
            ["channels", var id, "snoop"] => Only(method, "POST", () => WithChannel(id, c => Snoop(request, c))),
            ["channels", var id, "variable"] => method switch
            {
                "GET" => WithChannel(id, c => GetVariable(request, c)),
                "POST" => WithChannel(id, c => SetVariable(request, c)),
                _ => InvalidMethod(),
            },
            ["bridges"] => method switch
            {
                "GET" => AriHttpResponse.Ok(AriJson.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var bridge in _switch.Bridges)
                    {
                        AriJson.Bridge(w, bridge);
                    }

                    w.WriteEndArray();
                })),
                "POST" => CreateBridge(request),
                _ => InvalidMethod(),
            },
            ["bridges", var id] => method switch
            {
                "GET" => WithBridge(id, b => AriHttpResponse.Ok(AriJson.Write(w => AriJson.Bridge(w, b)))),
                "DELETE" => WithBridge(id, b =>
                {
                    _switch.DestroyBridge(b);
                    return AriHttpResponse.NoContent();
                }),
                _ => InvalidMethod(),
            },
            ["bridges", var id, "addChannel"] => Only(method, "POST", () => WithBridge(id, b => NoContentOr(_switch.AddChannels(b, request.List("channel"))))),
            ["bridges", var id, "removeChannel"] => Only(method, "POST", () => WithBridge(id, b => NoContentOr(_switch.RemoveChannels(b, request.List("channel"))))),
            ["bridges", var id, "record"] => Only(method, "POST", () => WithBridge(id, b => Record(request, b, null))),
            ["playbacks", var id] => method switch
            {
                "GET" => _switch.FindPlayback(id) is { } p ? AriHttpResponse.Ok(AriJson.Write(w => AriJson.Playback(w, p))) : PlaybackNotFound(),
                "DELETE" => StopPlayback(id),
                _ => InvalidMethod(),
            },
            ["recordings", "live", var name] => method switch
            {
                "GET" => _switch.FindLiveRecording(name) is { } r ? AriHttpResponse.Ok(AriJson.Write(w => AriJson.Recording(w, r))) : AriHttpResponse.Error(StasisError.RecordingNotFound),
                "DELETE" => StopRecording(name, keep: false),
                _ => InvalidMethod(),
            },
            ["recordings", "live", var name, "stop"] => Only(method, "POST", () => StopRecording(name, keep: true)),
            ["recordings", "stored"] => Only(method, "GET", StoredRecordings),
            ["recordings", "stored", var name] => method switch
            {
                "GET" => StoredRecording(name),
                "DELETE" => _switch.DeleteStoredRecording(name) ? AriHttpResponse.NoContent() : AriHttpResponse.Error(StasisError.RecordingNotFound),
                _ => InvalidMethod(),
            },
            ["applications"] => Only(method, "GET", Applications),
            ["applications", var name] => Only(method, "GET", () => Application(name)),
            ["applications", var name, "subscription"] => method switch
            {
                "POST" => Subscribe(request, name),
                "DELETE" => Unsubscribe(request, name),
                _ => InvalidMethod(),
            },
            ["endpoints"] => Only(method, "GET", Endpoints),
            ["sounds", var id] => Only(method, "GET", () => Sound(id)),
            _ => AriHttpResponse.Error(404, "Not Found", "Resource not found"),
        };
    }

    private static AriHttpResponse Only(string method, string allowed, Func<AriHttpResponse> handle) =>
        method == allowed ? handle() : InvalidMethod();

    private static AriHttpResponse InvalidMethod() => AriHttpResponse.Error(405, "Method Not Allowed", "Invalid method");

    private static AriHttpResponse NoContentOr(StasisError? error) => error is null ? AriHttpResponse.NoContent() : AriHttpResponse.Error(error);

    private AriHttpResponse WithChannel(string id, Func<StasisChannel, AriHttpResponse> handle) =>
        _switch.FindChannel(id) is { } channel ? handle(channel) : AriHttpResponse.Error(StasisError.ChannelNotFound);

    private AriHttpResponse WithBridge(string id, Func<StasisBridge, AriHttpResponse> handle) =>
        _switch.FindBridge(id) is { } bridge ? handle(bridge) : AriHttpResponse.Error(StasisError.BridgeNotFound);

    private static AriHttpResponse PlaybackNotFound() => AriHttpResponse.Error(404, "Not Found", "Playback not found");

    private static string ReasonPhrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    };

    /// <summary>The JSON body's <c>variables</c> object, in order (values that are not strings keep their JSON text).</summary>
    private static List<KeyValuePair<string, string>> BodyVariables(AriHttpRequest request)
    {
        var variables = new List<KeyValuePair<string, string>>();
        if (request.Body.Length == 0)
        {
            return variables;
        }

        try
        {
            using var body = JsonDocument.Parse(request.Body);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("variables", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in map.EnumerateObject())
                {
                    variables.Add(new(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()));
                }
            }
        }
        catch (JsonException)
        {
            // Asterisk ignores a body it cannot read as JSON parameters.
        }

        return variables;
    }
}
