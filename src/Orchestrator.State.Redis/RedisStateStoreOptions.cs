namespace Orchestrator.State.Redis;

/// <summary>Where the Redis state store lives and how long it may take to answer.</summary>
public sealed class RedisStateStoreOptions
{
    /// <summary>
    /// StackExchange.Redis configuration string, e.g. <c>redis1:6379,redis2:6379,password=…,ssl=true</c>. Required.
    /// Timeouts below override the ones the string sets; <c>abortConnect</c> is always false.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Prepended to every key so that several deployments (or test runs) can share one Redis. Default <c>orch:</c>.
    /// Must not contain <c>{</c> or <c>}</c>: the store uses those for Redis Cluster hash tags.
    /// </summary>
    public string KeyPrefix { get; set; } = "orch:";

    /// <summary>How long to wait for a connection to open. Default 5 s; 100 ms to 5 min.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one command may take before it fails with <see cref="StateStoreUnavailableException"/>. Default 2 s;
    /// 100 ms to 5 min. Short on purpose: the pacer must stop dialing quickly when state is out of reach.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the campaign counters remember that an attempt was counted (the replay window they protect).
    /// Default 48 h; at least 1 min.
    /// </summary>
    public TimeSpan CounterDedupRetention { get; set; } = TimeSpan.FromHours(48);
}
