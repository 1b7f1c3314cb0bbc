using Microsoft.Extensions.Time.Testing;
using Orchestrator.TestSupport;

namespace Orchestrator.State.Tests;

[Collection(RedisServerFixture.CollectionName)]
public sealed class RedisHopperStoreTests(RedisServerFixture redis) : HopperStoreContract
{
    private readonly RedisInstances _instances = new(redis);

    protected override Task<IStateStore> ConnectAsync(FakeTimeProvider time) => _instances.ConnectAsync(time);
}
