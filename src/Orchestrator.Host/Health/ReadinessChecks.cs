using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orchestrator.Data;
using Orchestrator.State;
using Orchestrator.Switching;

namespace Orchestrator.Host.Health;

/// <summary>Ready only when the database answers.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<OrchestratorDbContext> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
                : HealthCheckResult.Unhealthy($"{db.Database.ProviderName} not reachable");
        }
        catch (Exception error) when (error is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database not reachable: " + error.Message);
        }
    }
}

/// <summary>Ready only when the live state store answers a ping (the pacer fails closed otherwise).</summary>
internal sealed class StateStoreHealthCheck(IStateStore state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await state.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{state.GetType().Name} answers");
        }
        catch (StateStoreUnavailableException error)
        {
            return HealthCheckResult.Unhealthy("state store unavailable: " + error.Message);
        }
    }
}

/// <summary>Ready only when the switch adapter is connected, logged in and resynced.</summary>
internal sealed class SwitchHealthCheck(ISwitchAdapter switchAdapter) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = switchAdapter.State;
        var data = new Dictionary<string, object> { ["adapter"] = switchAdapter.Name, ["state"] = state.ToString() };
        return Task.FromResult(state == SwitchConnectionState.Ready
            ? HealthCheckResult.Healthy($"{switchAdapter.Name} ready", data)
            : HealthCheckResult.Unhealthy($"{switchAdapter.Name} is {state}", data: data));
    }
}
