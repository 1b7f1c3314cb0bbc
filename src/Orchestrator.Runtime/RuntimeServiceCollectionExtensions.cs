using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Campaigns;
using Orchestrator.Runtime.Dispositions;
using Orchestrator.Runtime.Observability;
using Orchestrator.Runtime.Routing;

namespace Orchestrator.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the campaign runtime as a hosted service, with <see cref="ICampaignRuntime"/> and <see cref="IAgentDesk"/>.
    /// Needs an <c>IDbContextFactory&lt;OrchestratorDbContext&gt;</c>, an <c>IStateStore</c> and an <c>ISwitchAdapter</c>.
    /// </summary>
    public static IServiceCollection AddOrchestratorRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
    {
        var options = services.AddOptions<RuntimeOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRuntimeObserver>(NullRuntimeObserver.Instance);
        services.AddSingleton<DispositionService>();
        services.AddSingleton<CallRouter>();
        services.AddSingleton<AgentDesk>();
        services.AddSingleton<IAgentDesk>(sp => sp.GetRequiredService<AgentDesk>());
        services.AddSingleton<CampaignRuntime>();
        services.AddSingleton<ICampaignRuntime>(sp => sp.GetRequiredService<CampaignRuntime>());
        services.AddHostedService(sp => sp.GetRequiredService<CampaignRuntime>());
        return services;
    }
}
