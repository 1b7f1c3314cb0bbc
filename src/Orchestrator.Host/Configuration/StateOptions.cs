using Orchestrator.State.Redis;

namespace Orchestrator.Host.Configuration;

/// <summary>Where the live, shared state lives. Section <c>State</c>.</summary>
public sealed class StateOptions
{
    public const string SectionName = "State";

    /// <summary><c>InMemory</c> (default: one instance, nothing survives a restart) or <c>Redis</c> (several instances).</summary>
    public string Provider { get; set; } = StateProviders.InMemory;

    /// <summary>Used when <see cref="Provider"/> is <c>Redis</c>: connection string, key prefix, timeouts.</summary>
    public RedisStateStoreOptions Redis { get; set; } = new();
}

/// <summary>The values of <see cref="StateOptions.Provider"/>.</summary>
public static class StateProviders
{
    public const string InMemory = "InMemory";
    public const string Redis = "Redis";

    public static IReadOnlyList<string> All { get; } = [InMemory, Redis];
}
