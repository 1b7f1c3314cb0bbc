using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Protocols.Ari.Json;
using Polly.Timeout;

namespace Orchestrator.Protocols.Ari.Rest;

/// <summary>
/// The ARI REST API (<c>http://host:port/ari/</c>) as typed methods. A typed <see cref="HttpClient"/>
/// (register with <c>AddAriClient</c>): Basic auth, JSON in and out, and the resilience pipeline of
/// <see cref="AriRequestPolicy"/> (timeouts; retries for GETs and channel hangups only).
/// </summary>
/// <remarks>
/// Errors: 404 → <see cref="AriNotFoundException"/>; 401 → <see cref="AriAuthenticationException"/>; any other
/// error status → <see cref="AriRequestException"/> with Asterisk's message; Asterisk unreachable →
/// <see cref="AriNotConnectedException"/> (not sent); sent but unanswered → <see cref="AriOutcomeUnknownException"/>.
/// </remarks>
public sealed partial class AriRestClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly AriClientOptions _options;
    private readonly ILogger _logger;

    public AriRestClient(HttpClient http, IOptions<AriClientOptions> options, ILogger<AriRestClient> logger)
        : this(http, (options ?? throw new ArgumentNullException(nameof(options))).Value, logger)
    {
    }

    public AriRestClient(HttpClient http, AriClientOptions options, ILogger<AriRestClient> logger)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _http.BaseAddress ??= options.RestBaseAddress;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>GETs any ARI resource as raw JSON (for what has no typed method). <paramref name="pathAndQuery"/> is relative to <c>/ari/</c>.</summary>
    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        var body = await SendAsync(HttpMethod.Get, pathAndQuery.TrimStart('/'), content: null, retryable: true, cancellationToken);
        return body.Length == 0 ? default : JsonElement.Parse(body);
    }

    private Task<T> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, content: null, retryable: true, type, cancellationToken);

    private Task<T> PostAsync<T>(string pathAndQuery, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, pathAndQuery, content, retryable: false, type, cancellationToken);

    private Task<byte[]> PostAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, pathAndQuery, content: null, retryable: false, cancellationToken);

    private Task<byte[]> DeleteAsync(string pathAndQuery, bool retryable, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, pathAndQuery, content: null, retryable, cancellationToken);

    private static ByteArrayContent? VariablesBody(IReadOnlyDictionary<string, string>? variables)
    {
        if (variables is null || variables.Count == 0)
        {
            return null;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new AriVariablesBody { Variables = variables }, AriJsonContext.Default.AriVariablesBody);
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, HttpContent? content, bool retryable, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var body = await SendAsync(method, pathAndQuery, content, retryable, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new AriException($"ARI {method} /ari/{pathAndQuery} answered an empty body where a {typeof(T).Name} was expected.");
        }
        catch (JsonException error)
        {
            throw new AriException($"ARI {method} /ari/{pathAndQuery} answered a body that is not a {typeof(T).Name}: {error.Message}", error);
        }
    }

    /// <summary>Sends one request and returns the body of a 2xx response; every failure becomes a typed <see cref="AriException"/>.</summary>
    private async Task<byte[]> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, bool retryable, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative)) { Content = content };
        request.Options.Set(AriRequestPolicy.Retryable, retryable);
        var endpoint = _http.BaseAddress?.Authority ?? $"{_options.Host}:{_options.Port}";
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            var message = AriErrorMessage.Read(body, response.Content.Headers.ContentType?.MediaType);
            var methodName = method.Method;
            AriClientLog.RequestFailed(_logger, methodName, pathAndQuery, (int)response.StatusCode, message);
            AriMetrics.RequestsFailed.Add(1);
            throw response.StatusCode switch
            {
                HttpStatusCode.NotFound => new AriNotFoundException(methodName, pathAndQuery, message),
                HttpStatusCode.Unauthorized => new AriAuthenticationException(methodName, pathAndQuery, message, _options.Username),
                _ => new AriRequestException(response.StatusCode, methodName, pathAndQuery, message),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (error is TimeoutRejectedException or TaskCanceledException)
        {
            AriMetrics.RequestsFailed.Add(1);
            throw new AriRequestTimeoutException(
                $"ARI {method} /ari/{pathAndQuery} to {endpoint}: no response in time{(retryable ? string.Empty : "; the request was sent once and NOT retried: its outcome is unknown")}.",
                error);
        }
        catch (HttpRequestException error) when (error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            AriMetrics.RequestsFailed.Add(1);
            throw new AriNotConnectedException($"ARI {method} /ari/{pathAndQuery}: cannot connect to Asterisk at {endpoint} ({error.Message}); the request was not sent.", error);
        }
        catch (HttpRequestException error)
        {
            AriMetrics.RequestsFailed.Add(1);
            throw new AriConnectionLostException(
                $"ARI {method} /ari/{pathAndQuery} to {endpoint}: the connection broke before the response ({error.Message}); the outcome is unknown.",
                error);
        }
    }
}
