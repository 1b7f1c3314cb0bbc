using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

/// <summary>
/// The production state store: every instance shares one Redis (or Redis Cluster), and every multi-step mutation is
/// one Lua script, so it is atomic across instances.
/// </summary>
/// <remarks>
/// <para>Key layout (prefix P, default <c>orch:</c>; <c>{…}</c> is a Cluster hash tag, so the keys one script
/// touches live in one slot):</para>
/// <code>
/// P lease:&lt;resource&gt;                     hash   owner, expires (unix ms, caller's clock)
/// P {agents}:agent:&lt;id20&gt;                hash   id, campaign, state, since, score, leg?, attempt?, skills (JSON)
/// P {agents}:campaign:&lt;c&gt;:members         set    agent ids logged into the campaign
/// P {agents}:campaign:&lt;c&gt;:ready           zset   Ready agent ids, score = since in unix µs
/// P {agents}:campaign:&lt;c&gt;:reserved        hash   attempt → id of the agent reserved for it
/// P {calls}:call:&lt;attempt&gt;                hash   campaign, lead, phone, stage, since, agent?
/// P {calls}:campaign:&lt;c&gt;                  set    attempt ids in flight
/// P {c:&lt;c&gt;}:hopper:queue                   zset   "&lt;seq16&gt;:&lt;lead&gt;", score = −priority
/// P {c:&lt;c&gt;}:hopper:entries                 hash   lead → entry JSON
/// P {c:&lt;c&gt;}:hopper:seq                     string insertion sequence
/// P {c:&lt;c&gt;}:counters                       hash   counter → count
/// P {c:&lt;c&gt;}:counted:&lt;attempt&gt;:&lt;counter&gt;    string dedup marker, PX = counter dedup retention
/// P freq:&lt;key&gt;                            zset   attempt ids, score = unix ms recorded
/// </code>
/// <para>Agents and calls are reached by id alone (an agent can change campaign), so each family shares one tag
/// rather than one per campaign: a contact center's few thousand agents and calls fit one slot easily, and the
/// scripts stay single-step. <c>id20</c> is <see cref="RedisKeyspace.AgentMember"/>.</para>
/// <para>Serialization: what a script reads or edits field by field (agents, calls, leases) is a hash of plain
/// text (readable in redis-cli, and no cjson number rounding of 64-bit ids); a hopper entry, which scripts only
/// move around, is compact System.Text.Json.</para>
/// <para>Time: every expiry is judged against the injected <see cref="TimeProvider"/> (or the caller's
/// <c>now</c>), never the server's clock, so FakeTimeProvider drives it in tests. Redis TTLs only collect garbage.</para>
/// </remarks>
public sealed class RedisStateStore : IStateStore, IAsyncDisposable, IDisposable
{
    private readonly IConnectionMultiplexer _connection;
    private readonly bool _ownsConnection;
    private readonly RedisCommandRunner _redis;

    /// <summary>Uses a connection the caller owns (and disposes).</summary>
    public RedisStateStore(IConnectionMultiplexer connection, RedisStateStoreOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
        : this(connection, ownsConnection: false, options, timeProvider, loggerFactory)
    {
    }

    private RedisStateStore(IConnectionMultiplexer connection, bool ownsConnection, RedisStateStoreOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _connection = connection;
        _ownsConnection = ownsConnection;
        _redis = new RedisCommandRunner(connection.GetDatabase(), LoggerFor(loggerFactory));
        var keys = new RedisKeyspace(options.KeyPrefix);

        Leases = new RedisLeaseStore(_redis, keys, timeProvider);
        Agents = new RedisAgentStateStore(_redis, keys);
        Hoppers = new RedisHopperStore(_redis, keys);
        Calls = new RedisCallsInFlightStore(_redis, keys);
        Frequency = new RedisFrequencyCounter(_redis, keys);
        Counters = new RedisCampaignCounters(_redis, keys, options.CounterDedupRetention);
    }

    public ILeaseStore Leases { get; }

    public IAgentStateStore Agents { get; }

    public IHopperStore Hoppers { get; }

    public ICallsInFlightStore Calls { get; }

    public IFrequencyCounter Frequency { get; }

    public ICampaignCounters Counters { get; }

    /// <summary>
    /// Connects to Redis and returns a store that owns the connection. Does not fail when Redis is down
    /// (abortConnect=false): the store reconnects in the background, and until then every call, <see cref="PingAsync"/>
    /// included, throws <see cref="StateStoreUnavailableException"/>.
    /// </summary>
    public static async Task<RedisStateStore> ConnectAsync(RedisStateStoreOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        var settings = Prepare(options, loggerFactory);
        return Owning(await ConnectionMultiplexer.ConnectAsync(settings), options, timeProvider, loggerFactory);
    }

    /// <summary>The blocking twin of <see cref="ConnectAsync"/>, for DI factories that cannot await.</summary>
    public static RedisStateStore Connect(RedisStateStoreOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        var settings = Prepare(options, loggerFactory);
        return Owning(ConnectionMultiplexer.Connect(settings), options, timeProvider, loggerFactory);
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        _redis.RunAsync("ping", default, db => db.PingAsync(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection)
        {
            await _connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    private static ILogger LoggerFor(ILoggerFactory? loggerFactory) => (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RedisStateStore>();

    private static ConfigurationOptions Prepare(RedisStateStoreOptions options, ILoggerFactory? loggerFactory)
    {
        ThrowIfInvalid(options);
        var settings = RedisConnectionSettings.Create(options, loggerFactory);
        var logger = LoggerFor(loggerFactory);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var endpoints = string.Join(",", settings.EndPoints);
            RedisLog.Connecting(logger, endpoints, options.KeyPrefix);
        }

        return settings;
    }

    private static RedisStateStore Owning(ConnectionMultiplexer connection, RedisStateStoreOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        // Only a connection the store owns is reported here: a shared one is its owner's to report.
        var logger = LoggerFor(loggerFactory);
        connection.ConnectionFailed += (_, e) => RedisLog.ConnectionFailed(logger, e.EndPoint, e.FailureType, e.Exception);
        connection.ConnectionRestored += (_, e) => RedisLog.ConnectionRestored(logger, e.EndPoint);
        return new RedisStateStore(connection, ownsConnection: true, options, timeProvider, loggerFactory);
    }

    private static void ThrowIfInvalid(RedisStateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new RedisStateStoreOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
