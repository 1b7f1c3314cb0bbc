using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.State.InMemory;

namespace Orchestrator.State;

public static class InMemoryStateStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded single-instance <see cref="IStateStore"/>. Uses the registered <see cref="TimeProvider"/>,
    /// or the system clock when there is none.
    /// </summary>
    public static IServiceCollection AddInMemoryStateStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStateStore>(sp => new InMemoryStateStore(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
