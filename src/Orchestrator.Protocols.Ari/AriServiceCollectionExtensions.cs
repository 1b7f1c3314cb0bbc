using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Protocols.Ari.Rest;

namespace Orchestrator.Protocols.Ari;

public static class AriServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient (and its resilience pipeline) the REST client uses.</summary>
    public const string HttpClientName = "Orchestrator.Ari";

    /// <summary>
    /// Registers <see cref="AriClientOptions"/> (validated at start), the typed <see cref="AriRestClient"/>
    /// (IHttpClientFactory, Basic auth, the <see cref="AriRequestPolicy"/> resilience pipeline) and a
    /// singleton <see cref="AriClient"/>. Bind configuration on the returned builder.
    /// </summary>
    public static OptionsBuilder<AriClientOptions> AddAriClient(this IServiceCollection services, Action<AriClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AriClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AriClientOptions>, AriClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<AriRestClient, AriRestClient>(HttpClientName, (HttpClient http, IServiceProvider provider) => new AriRestClient(
                http,
                provider.GetRequiredService<IOptions<AriClientOptions>>().Value,
                provider.GetRequiredService<ILogger<AriRestClient>>()))
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan) // the pipeline's timeouts rule
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = provider.GetRequiredService<IOptions<AriClientOptions>>().Value.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                UseProxy = false,
                AllowAutoRedirect = false,
                UseCookies = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("ari", (builder, context) => AriRequestPolicy.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<AriClientOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton(provider => new AriClient(
            provider.GetRequiredService<IOptions<AriClientOptions>>().Value,
            provider.GetRequiredService<AriRestClient>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AriClient>>()));
        return options;
    }
}
