using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Orchestrator.Protocols.Ari.Rest;

/// <summary>
/// Which requests the resilience pipeline may retry. Retrying is opt-in per request: GETs and the hangup
/// of a channel (DELETE /channels/{id}: hanging up twice is harmless) set <see cref="Retryable"/>; nothing
/// else does, so a POST is never sent twice. A POST /channels whose response is lost may have created a
/// call: it surfaces as <see cref="AriOutcomeUnknownException"/> and the caller reconciles.
/// </summary>
public static class AriRequestPolicy
{
    /// <summary>Set to true on a request that may be sent again after a transient failure.</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("Orchestrator.Ari.Retryable");

    /// <summary>Adds the client's strategies: a total timeout, retries of retryable requests only, a per-attempt timeout.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, AriClientOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.TimeProvider = time;
        builder.AddTimeout(options.TotalRequestTimeout);
        if (options.IdempotentRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.IdempotentRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            });
        }

        builder.AddTimeout(options.RequestTimeout);
    }

    /// <summary>True when the request in <paramref name="context"/> opted in to retries.</summary>
    public static bool IsRetryable(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(Retryable, out var retryable) && retryable;
}
