using Orchestrator.Core.Attempts;

namespace Orchestrator.State.InMemory;

/// <summary>Calls in flight by attempt id; the records are immutable, so they are shared without copying.</summary>
internal sealed class InMemoryCallsInFlightStore : ICallsInFlightStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AttemptId, CallInFlight> _calls = [];

    public Task<bool> AddAsync(CallInFlight call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_calls.TryAdd(call.Attempt, call));
        }
    }

    public Task<bool> UpdateStageAsync(AttemptId attempt, CallStage stage, DateTimeOffset since, long? agentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_calls.TryGetValue(attempt, out var call))
            {
                return Task.FromResult(false);
            }

            _calls[attempt] = call with { Stage = stage, StageSince = since, AgentId = agentId };
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveAsync(AttemptId attempt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_calls.Remove(attempt));
        }
    }

    public Task<CallInFlight?> GetAsync(AttemptId attempt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_calls.GetValueOrDefault(attempt));
        }
    }

    public Task<IReadOnlyList<CallInFlight>> ListAsync(long campaignId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<CallInFlight> calls = [.. _calls.Values.Where(c => c.CampaignId == campaignId)];
            return Task.FromResult(calls);
        }
    }
}
