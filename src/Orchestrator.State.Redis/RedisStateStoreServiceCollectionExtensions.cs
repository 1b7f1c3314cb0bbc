using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orchestrator.State.Redis;

public static class RedisStateStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Redis <see cref="IStateStore"/> as a singleton that owns its connection. Options are validated at
    /// start (every failure at once). Uses the registered <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    public static IServiceCollection AddRedisStateStore(this IServiceCollection services, Action<RedisStateStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<RedisStateStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisStateStoreOptions>, RedisStateStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => RedisStateStore.Connect(
            sp.GetRequiredService<IOptions<RedisStateStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<IStateStore>(sp => sp.GetRequiredService<RedisStateStore>());
        return services;
    }
}
