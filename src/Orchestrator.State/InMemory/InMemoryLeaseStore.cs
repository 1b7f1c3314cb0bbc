namespace Orchestrator.State.InMemory;

/// <summary>Leases as owner + expiry pairs; an expired lease is treated as absent and dropped when next touched.</summary>
internal sealed class InMemoryLeaseStore(TimeProvider timeProvider) : ILeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lease> _leases = new(StringComparer.Ordinal);

    public Task<bool> TryAcquireAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Validate(resource, owner, ttl);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (TryGetLive(resource, now, out var current) && !string.Equals(current.Owner, owner, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            _leases[resource] = new Lease(owner, now + ttl);
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenewAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Validate(resource, owner, ttl);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (!TryGetLive(resource, now, out var current) || !string.Equals(current.Owner, owner, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            _leases[resource] = new Lease(owner, now + ttl);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string resource, string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_leases.TryGetValue(resource, out var current) && string.Equals(current.Owner, owner, StringComparison.Ordinal))
            {
                _leases.Remove(resource);
            }
        }

        return Task.CompletedTask;
    }

    public Task<string?> GetHolderAsync(string resource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(TryGetLive(resource, timeProvider.GetUtcNow(), out var current) ? current.Owner : null);
        }
    }

    private static void Validate(string resource, string owner, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
    }

    // A lease is live while now < expiry: at the expiry instant it is already free.
    private bool TryGetLive(string resource, DateTimeOffset now, out Lease lease)
    {
        if (_leases.TryGetValue(resource, out lease!) && now < lease.ExpiresAt)
        {
            return true;
        }

        _leases.Remove(resource);
        return false;
    }

    private sealed record Lease(string Owner, DateTimeOffset ExpiresAt);
}
