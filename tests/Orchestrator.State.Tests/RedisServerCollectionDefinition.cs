using Orchestrator.TestSupport;

namespace Orchestrator.State.Tests;

/// <summary>The Redis tests share one real redis-server; each test keeps to its own key prefix.</summary>
[CollectionDefinition(RedisServerFixture.CollectionName)]
public sealed class RedisServerCollectionDefinition : ICollectionFixture<RedisServerFixture>;
