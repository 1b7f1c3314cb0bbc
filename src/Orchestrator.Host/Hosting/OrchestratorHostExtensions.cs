using Microsoft.Extensions.Options;
using Orchestrator.Data.Sqlite;
using Orchestrator.Data.SqlServer;
using Orchestrator.Host.Apis;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Demo;
using Orchestrator.Host.Health;
using Orchestrator.Host.Realtime;
using Orchestrator.Host.Scheduling;
using Orchestrator.Host.Switching;
using Orchestrator.Runtime;
using Orchestrator.Runtime.Observability;
using Orchestrator.Simulator.Ami;
using Orchestrator.Simulator.Ari;
using Orchestrator.State;
using Orchestrator.State.Redis;
using Orchestrator.Switching;
using Quartz;
using Serilog;

namespace Orchestrator.Host.Hosting;

/// <summary>
/// The composition root: every part of the orchestrator, chosen and configured from the validated settings, in one
/// place. <see cref="AddOrchestrator"/> registers, <see cref="MapOrchestrator"/> maps the endpoints.
/// </summary>
public static class OrchestratorHostExtensions
{
    /// <summary>
    /// Binds and validates every section first — the composition depends on them (which database, which switch) —
    /// and throws one <see cref="OptionsValidationException"/> listing every problem; then registers everything.
    /// </summary>
    /// <remarks>
    /// Hosted services start in registration order and stop in reverse: database → switch shutdown → demo seeding →
    /// demo summary → runtime (switch, campaigns) → realtime pushes → Quartz and schedules → demo agents. So the
    /// runtime finds a migrated, seeded database; and at the end the demo agents stop first, the runtime then ends its
    /// calls, the demo summary is printed from final rows, and the switch connection closes last.
    /// </remarks>
    public static WebApplicationBuilder AddOrchestrator(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var problems = new List<string>();
        var settings = OrchestratorSettings.Bind(builder.Configuration, problems);
        problems.AddRange(OrchestratorSettingsValidator.Check(settings));
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(OrchestratorSettings), typeof(OrchestratorSettings), problems);
        }

        var services = builder.Services;
        // The checked settings, as options validated again when the host starts (the same validator).
        services.AddSingleton<IValidateOptions<OrchestratorSettings>, OrchestratorSettingsValidator>();
        services.AddOptions<OrchestratorSettings>()
            .Configure(options =>
            {
                options.Database = settings.Database;
                options.State = settings.State;
                options.Switch = settings.Switch;
                options.Simulator = settings.Simulator;
                options.Runtime = settings.Runtime;
                options.Demo = settings.Demo;
                options.AmiConfigured = settings.AmiConfigured;
            })
            .ValidateOnStart();
        services.AddSingleton(Options.Create(settings.Database));
        services.AddSingleton(TimeProvider.System);

        services.AddSerilog((provider, logging) => logging
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext());

        AddDatabase(services, settings.Database);
        AddStateStore(services, settings.State);
        AddSwitch(services, settings);

        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<SwitchShutdown>();
        if (settings.Demo.Enabled)
        {
            services.AddSingleton<DemoRun>();
            services.AddSingleton(new DemoSummaryOutput(Console.Out));
            services.AddHostedService<DemoSeeding>();
            services.AddHostedService<DemoSummaryReporter>();
        }

        // The observer must be registered before the runtime, which otherwise adds a null one.
        services.AddSingleton<RuntimeNotifications>();
        services.AddSingleton<IRuntimeObserver>(provider => provider.GetRequiredService<RuntimeNotifications>());
        services.AddOrchestratorRuntime(runtime => builder.Configuration.GetSection(OrchestratorSettings.RuntimeSectionName).Bind(runtime));

        services.AddSignalR().AddJsonProtocol(json => OrchestratorJson.Configure(json.PayloadSerializerOptions));
        services.AddHostedService<RuntimeNotificationForwarder>();
        services.AddHostedService<WallboardBroadcaster>();

        AddScheduling(services);
        if (settings.Demo.Enabled)
        {
            services.AddHostedService<DemoAgents>();
        }

        services.AddOrchestratorHealth();
        services.ConfigureHttpJsonOptions(json => OrchestratorJson.Configure(json.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<DependencyExceptionHandler>();
        services.AddOpenApi();
        services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>The page, the API areas, the hubs, health and the OpenAPI document.</summary>
    public static WebApplication MapOrchestrator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapOpenApi();
        app.MapOrchestratorHealth();
        app.MapCampaignsApi();
        app.MapAgentsApi();
        app.MapHub<WallboardHub>(WallboardHub.Path);
        app.MapHub<AgentHub>(AgentHub.Path);
        return app;
    }

    private static void AddDatabase(IServiceCollection services, DatabaseOptions database)
    {
        if (string.Equals(database.Provider, DatabaseProviders.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            services.AddOrchestratorSqlServer(database.ConnectionString);
        }
        else
        {
            services.AddOrchestratorSqlite(database.ConnectionString);
        }
    }

    private static void AddStateStore(IServiceCollection services, StateOptions state)
    {
        if (string.Equals(state.Provider, StateProviders.Redis, StringComparison.OrdinalIgnoreCase))
        {
            services.AddRedisStateStore(redis =>
            {
                redis.ConnectionString = state.Redis.ConnectionString;
                redis.KeyPrefix = state.Redis.KeyPrefix;
                redis.ConnectTimeout = state.Redis.ConnectTimeout;
                redis.OperationTimeout = state.Redis.OperationTimeout;
                redis.CounterDedupRetention = state.Redis.CounterDedupRetention;
            });
        }
        else
        {
            services.AddInMemoryStateStore();
        }
    }

    private static void AddSwitch(IServiceCollection services, OrchestratorSettings settings)
    {
        var type = settings.Switch.Type;
        var simulated = !string.Equals(type, SwitchTypes.AsteriskAmi, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, SwitchTypes.AsteriskAri, StringComparison.OrdinalIgnoreCase);
        var overAri = string.Equals(type, SwitchTypes.AsteriskAri, StringComparison.OrdinalIgnoreCase)
            || (simulated && string.Equals(settings.Simulator.Protocol, SimulatorProtocols.Ari, StringComparison.OrdinalIgnoreCase));

        if (overAri)
        {
            AsteriskAriSimulatorOptions? ariSimulator = null;
            var adapter = settings.Switch.AriAdapter;
            if (simulated)
            {
                // The simulator dials customers through the outcome model when they come through a trunk.
                adapter.DefaultTrunk = settings.Simulator.EffectiveTrunkTemplate;
                ariSimulator = new AsteriskAriSimulatorOptions
                {
                    Port = settings.Simulator.AriPort,
                    Outcomes = OutcomeModelSource.Load(settings.Simulator),
                };
            }

            services.AddSingleton<ISwitchAdapter>(provider => new HostedAriSwitch(
                settings.Switch.Ari,
                adapter,
                ariSimulator,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>()));
            return;
        }

        AsteriskAmiSimulatorOptions? simulator = null;
        var asterisk = settings.Switch.Asterisk;
        if (simulated)
        {
            // The simulator runs asterisk-conf's dialplan, so the contexts stay; its customers are dialed as digits.
            asterisk.DefaultTrunk = settings.Simulator.EffectiveTrunkTemplate;
            simulator = new AsteriskAmiSimulatorOptions
            {
                Port = settings.Simulator.AmiPort,
                Outcomes = OutcomeModelSource.Load(settings.Simulator),
            };
        }

        services.AddSingleton(provider => new HostedAmiSwitch(
            settings.Switch.Ami,
            asterisk,
            simulator,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ISwitchAdapter>(provider => provider.GetRequiredService<HostedAmiSwitch>());
    }

    private static void AddScheduling(IServiceCollection services)
    {
        // In-memory job store: schedules are rebuilt from the campaigns at every start. For several instances, a
        // clustered ADO.NET store on SQL Server goes here (see docs/configuration.md, "Scheduling").
        services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UseInMemoryStore(_ => { });
            quartz.AddJob<StartCampaignJob>(job => job.WithIdentity(StartCampaignJob.Key).StoreDurably(true));
            quartz.AddJob<StopCampaignJob>(job => job.WithIdentity(StopCampaignJob.Key).StoreDurably(true));
        });
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        services.AddSingleton<CampaignScheduler>();
        services.AddHostedService<CampaignScheduleLoader>();
    }
}
