namespace Orchestrator.State;

/// <summary>
/// Named, time-limited ownership: "this instance runs campaign 7's pacer". A lease whose holder stops
/// renewing it expires and another instance takes it over.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease when it is free or expired, or renews it when <paramref name="owner"/> already holds it.
    /// Returns false when another owner holds an unexpired lease.
    /// </summary>
    Task<bool> TryAcquireAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Extends the lease; false (and no change) when <paramref name="owner"/> does not hold it or it expired.</summary>
    Task<bool> RenewAsync(string resource, string owner, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives the lease up; does nothing when <paramref name="owner"/> does not hold it.</summary>
    Task ReleaseAsync(string resource, string owner, CancellationToken cancellationToken);

    /// <summary>The current holder of an unexpired lease, or null.</summary>
    Task<string?> GetHolderAsync(string resource, CancellationToken cancellationToken);
}
