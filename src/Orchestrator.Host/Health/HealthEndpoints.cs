using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Orchestrator.Host.Health;

/// <summary><c>/health/live</c> (the process is up) and <c>/health/ready</c> (database, state store, switch), as JSON.</summary>
public static class HealthEndpoints
{
    private const string Live = "live";
    private const string Ready = "ready";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IServiceCollection AddOrchestratorHealth(this IServiceCollection services)
    {
        var timeout = TimeSpan.FromSeconds(5);
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("up"), tags: [Live])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: timeout)
            .AddCheck<StateStoreHealthCheck>("state", tags: [Ready], timeout: timeout)
            .AddCheck<SwitchHealthCheck>("switch", tags: [Ready], timeout: timeout);
        return services;
    }

    public static IEndpointRouteBuilder MapOrchestratorHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", Options(Live)).WithTags("Health").WithDisplayName("Liveness");
        endpoints.MapHealthChecks("/health/ready", Options(Ready)).WithTags("Health").WithDisplayName("Readiness");
        return endpoints;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = WriteAsync,
        AllowCachingResponses = false,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
