using Orchestrator.TestSupport;

namespace Orchestrator.Runtime.Tests;

[CollectionDefinition(RedisServerFixture.CollectionName)]
public sealed class RedisServerCollectionDefinition : ICollectionFixture<RedisServerFixture>;
