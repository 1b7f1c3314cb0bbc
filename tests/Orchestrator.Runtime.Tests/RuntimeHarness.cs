using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Data;
using Orchestrator.Data.Seeding;
using Orchestrator.Data.Sqlite;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Campaigns;
using Orchestrator.Runtime.Observability;
using Orchestrator.Simulator.Ami;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.State;
using Orchestrator.Switching;
using Orchestrator.Switching.Asterisk.Ami;
using Xunit.Abstractions;

namespace Orchestrator.Runtime.Tests;

/// <summary>
/// The runtime with real parts: a SQLite file, a state store, and the AMI adapter talking over a loopback
/// socket to the built-in Asterisk simulator. Simulated agents submit a disposition shortly after each call.
/// </summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;
    private readonly SimulatedAgents _agents;

    private RuntimeHarness(string directory, ServiceProvider services, AsteriskAmiSimulator simulator, DemoSeedResult seed, SimulatedAgents agents)
    {
        _directory = directory;
        _services = services;
        Simulator = simulator;
        Seed = seed;
        _agents = agents;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public AsteriskAmiSimulator Simulator { get; }

    public DemoSeedResult Seed { get; }

    public long CampaignId => Seed.CampaignId;

    public ICampaignRuntime Campaigns => _services.GetRequiredService<ICampaignRuntime>();

    public IAgentDesk Desk => _services.GetRequiredService<IAgentDesk>();

    public IStateStore State => _services.GetRequiredService<IStateStore>();

    public ISwitchAdapter Switch => _services.GetRequiredService<ISwitchAdapter>();

    /// <summary>Whether simulated agents answer their wrap-ups with a disposition.</summary>
    public bool AgentsDisposition { get => _agents.Enabled; set => _agents.Enabled = value; }

    public static async Task<RuntimeHarness> StartAsync(ITestOutputHelper output, HarnessOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("orch-runtime-").FullName;
        var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output, options.LogLevel)));
        var simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions { Port = 0, Outcomes = options.Outcomes, Seed = 7, AgentAnswerDelay = TimeSpan.FromMilliseconds(200) }, TimeProvider.System, loggerFactory);
        simulator.Start();

        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddOrchestratorSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "orchestrator.db") }.ToString());
        if (options.RedisConnectionString is { } redis)
        {
            services.AddSingleton<IStateStore>(sp => Orchestrator.State.Redis.RedisStateStore.Connect(
                new Orchestrator.State.Redis.RedisStateStoreOptions { ConnectionString = redis, KeyPrefix = $"t{Guid.NewGuid():N}:" }, TimeProvider.System, loggerFactory));
        }
        else
        {
            services.AddInMemoryStateStore();
        }

        var agents = new SimulatedAgents(options.WrapTime);
        services.AddSingleton<IRuntimeObserver>(agents);
        services.AddSingleton<ISwitchAdapter>(sp => new AmiSwitchAdapter(
            new AmiClient(new AmiClientOptions { Host = "127.0.0.1", Port = simulator.Port, Username = "orchestrator", Secret = "secret", ReconnectDelayMin = TimeSpan.FromMilliseconds(100), ReconnectDelayMax = TimeSpan.FromMilliseconds(500) }, TimeProvider.System, sp.GetRequiredService<ILogger<AmiClient>>()),
            new AmiSwitchOptions { DefaultTrunk = "Local/{digits}@sim-customers" },
            TimeProvider.System,
            sp.GetRequiredService<ILogger<AmiSwitchAdapter>>()));
        services.AddOrchestratorRuntime(o =>
        {
            o.StartRunningCampaigns = false;
            o.PacerTick = TimeSpan.FromMilliseconds(100);
            o.AgentLegRetryDelay = TimeSpan.FromMilliseconds(300);
        });

        var provider = services.BuildServiceProvider();
        DemoSeedResult seed;
        await using (var db = await provider.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            seed = await DemoSeeder.EnsureSeededAsync(db, TimeProvider.System, new DemoSeedOptions { LeadCount = options.Leads, AgentCount = options.Agents }, CancellationToken.None);
            await options.Configure(db, seed);
        }

        var harness = new RuntimeHarness(directory, provider, simulator, seed, agents);
        agents.Attach(harness.Desk);
        foreach (var hosted in harness._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return harness;
    }

    /// <summary>Another AMI adapter on the same simulator, as an earlier run of the process had (not started).</summary>
    public AmiSwitchAdapter NewAdapter() => new(
        new AmiClient(new AmiClientOptions { Host = "127.0.0.1", Port = Simulator.Port, Username = "orchestrator", Secret = "secret" }, TimeProvider.System, _services.GetRequiredService<ILogger<AmiClient>>()),
        new AmiSwitchOptions { DefaultTrunk = "Local/{digits}@sim-customers" },
        TimeProvider.System,
        _services.GetRequiredService<ILogger<AmiSwitchAdapter>>());

    /// <summary>The agent legs of <paramref name="agentId"/> the switch has now.</summary>
    public async Task<List<LegId>> LiveAgentLegsAsync(long agentId) =>
        (await Switch.ListLiveChannelsAsync(CancellationToken.None))
            .Where(c => c.Leg is { } leg && leg.TryGetAgent(out var owner) && owner == agentId)
            .Select(c => c.Leg!.Value)
            .ToList();

    public async Task LoginAgentsAsync(int count)
    {
        foreach (var agentId in Seed.AgentIds.Take(count))
        {
            await Desk.LoginAsync(agentId, CampaignId, CancellationToken.None);
        }
    }

    public async Task<T> QueryAsync<T>(Func<OrchestratorDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Waits, up to a generous bound, until <paramref name="condition"/> holds; fails with <paramref name="what"/> otherwise.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = Environment.TickCount64 + (seconds * 1000L);
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"Timed out after {seconds} s waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops the runtime's hosted services, as the host does at shutdown (the simulator keeps running).</summary>
    public async Task StopRuntimeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_hosted))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        _hosted.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopRuntimeAsync();

        _agents.Dispose();
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp directory is cleaned by the OS eventually.
        }
    }
}

/// <summary>What a test wants from the harness.</summary>
internal sealed record HarnessOptions
{
    public int Leads { get; init; } = 60;

    public int Agents { get; init; } = 3;

    public OutcomeModel Outcomes { get; init; } = Fast;

    public TimeSpan WrapTime { get; init; } = TimeSpan.FromMilliseconds(150);

    public string? RedisConnectionString { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Adjusts the seeded data before the runtime starts.</summary>
    public Func<OrchestratorDbContext, DemoSeedResult, Task> Configure { get; init; } = (_, _) => Task.CompletedTask;

    /// <summary>Calls that resolve in well under a second, so a test sees dozens of them quickly.</summary>
    public static OutcomeModel Fast { get; } = new()
    {
        Name = "fast",
        Outcomes = new OutcomeProbabilities(0.5, 0.1, 0.2, 0.1, 0.1),
        PickupSeconds = Distribution.Uniform(0.1, 0.3),
        SignalSeconds = Distribution.Uniform(0.05, 0.15),
        NoAnswerTimeoutSeconds = 0.5,
        GreetingSeconds = Distribution.Fixed(0.2),
        Amd = new AmdModel { Enabled = false },
        TalkSeconds = Distribution.Uniform(0.3, 0.6),
        WrapSeconds = Distribution.Fixed(0.1),
    };
}
