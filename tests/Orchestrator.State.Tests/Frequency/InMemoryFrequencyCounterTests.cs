using Microsoft.Extensions.Time.Testing;
using Orchestrator.State.InMemory;

namespace Orchestrator.State.Tests;

public sealed class InMemoryFrequencyCounterTests : FrequencyCounterContract
{
    private IStateStore? _store;

    protected override Task<IStateStore> ConnectAsync(FakeTimeProvider time) => Task.FromResult(_store ??= new InMemoryStateStore(time));
}
