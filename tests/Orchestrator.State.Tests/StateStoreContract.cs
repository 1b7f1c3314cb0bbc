using Microsoft.Extensions.Time.Testing;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Attempts;

namespace Orchestrator.State.Tests;

/// <summary>
/// Base of every contract suite: each test gets a fresh, empty store on a fake clock. Subclasses say how to connect;
/// a second connection (another orchestrator instance) sees the same state.
/// </summary>
public abstract class StateStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IStateStore> _instances = [];

    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The store under test (the first instance).</summary>
    protected IStateStore Store { get; private set; } = null!;

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync() => Store = await ConnectInstanceAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            if (instance is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Connects one more instance to the same state as <see cref="Store"/>, on the same clock. Every instance of a
    /// test must share the state and the clock; an in-memory store may return itself.
    /// </summary>
    protected abstract Task<IStateStore> ConnectAsync(FakeTimeProvider time);

    protected async Task<IStateStore> ConnectInstanceAsync()
    {
        var instance = await ConnectAsync(Time);
        _instances.Add(instance);
        return instance;
    }

    protected AttemptId NewAttempt() => AttemptId.New(Time);

    protected static AgentSnapshot Agent(long id, long campaign, AgentState state, DateTimeOffset since, params string[] skills) =>
        new(id, campaign, state, since, LegId: $"leg-{id}", Attempt: null, Skills: skills);

    /// <summary>Runs the calls on the thread pool at once, so in-memory stores see real contention too.</summary>
    protected static Task<T[]> InParallel<T>(int count, Func<int, Task<T>> call) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => call(i))));
}
