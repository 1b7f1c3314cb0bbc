namespace Orchestrator.State.Tests;

public abstract class LeaseStoreContract : StateStoreContract
{
    private const string Pacer = "campaign:7:pacer";
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private ILeaseStore Leases => Store.Leases;

    [Fact]
    public async Task TryAcquire_WhenFree_TakesTheLease()
    {
        Assert.True(await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None));

        Assert.Equal("node-a", await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task TryAcquire_WhenAnotherOwnerHoldsIt_FailsAndKeepsTheHolder()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);

        Assert.False(await Leases.TryAcquireAsync(Pacer, "node-b", Ttl, None));
        Assert.Equal("node-a", await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task TryAcquire_BySameOwner_RenewsTheLease()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);
        Time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None));
        Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal("node-a", await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task TryAcquire_AfterTheHolderStoppedRenewing_LetsAnotherOwnerTakeOver()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);
        Time.Advance(Ttl);

        Assert.True(await Leases.TryAcquireAsync(Pacer, "node-b", Ttl, None));
        Assert.Equal("node-b", await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task GetHolder_JustBeforeExpiry_ReturnsTheHolder_AndAtExpiry_ReturnsNull()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);

        Time.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        Assert.Equal("node-a", await Leases.GetHolderAsync(Pacer, None));

        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task GetHolder_WhenNeverAcquired_ReturnsNull()
    {
        Assert.Null(await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task Renew_ByTheHolder_ExtendsTheLeaseFromNow()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);
        Time.Advance(TimeSpan.FromSeconds(25));

        Assert.True(await Leases.RenewAsync(Pacer, "node-a", Ttl, None));
        Time.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal("node-a", await Leases.GetHolderAsync(Pacer, None));
        Assert.False(await Leases.TryAcquireAsync(Pacer, "node-b", Ttl, None));
    }

    [Fact]
    public async Task Renew_ByAnotherOwner_ReturnsFalseAndChangesNothing()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);

        Assert.False(await Leases.RenewAsync(Pacer, "node-b", Ttl, None));
        Assert.Equal("node-a", await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task Renew_AfterExpiry_ReturnsFalseAndDoesNotRevive()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);
        Time.Advance(Ttl + TimeSpan.FromSeconds(1));

        Assert.False(await Leases.RenewAsync(Pacer, "node-a", Ttl, None));
        Assert.Null(await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task Renew_WhenNeverAcquired_ReturnsFalse()
    {
        Assert.False(await Leases.RenewAsync(Pacer, "node-a", Ttl, None));
        Assert.Null(await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task Release_ByTheHolder_FreesTheLeaseAtOnce()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);

        await Leases.ReleaseAsync(Pacer, "node-a", None);

        Assert.Null(await Leases.GetHolderAsync(Pacer, None));
        Assert.True(await Leases.TryAcquireAsync(Pacer, "node-b", Ttl, None));
    }

    [Fact]
    public async Task Release_ByAnotherOwner_DoesNothing()
    {
        await Leases.TryAcquireAsync(Pacer, "node-a", Ttl, None);

        await Leases.ReleaseAsync(Pacer, "node-b", None);

        Assert.Equal("node-a", await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task Release_WhenNeverAcquired_DoesNothing()
    {
        await Leases.ReleaseAsync(Pacer, "node-a", None);

        Assert.Null(await Leases.GetHolderAsync(Pacer, None));
    }

    [Fact]
    public async Task Leases_OfDifferentResources_AreIndependent()
    {
        Assert.True(await Leases.TryAcquireAsync("campaign:7:pacer", "node-a", Ttl, None));
        Assert.True(await Leases.TryAcquireAsync("campaign:8:pacer", "node-b", Ttl, None));

        Assert.Equal("node-a", await Leases.GetHolderAsync("campaign:7:pacer", None));
        Assert.Equal("node-b", await Leases.GetHolderAsync("campaign:8:pacer", None));
    }

    [Fact]
    public async Task TryAcquire_WithZeroTtl_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Leases.TryAcquireAsync(Pacer, "node-a", TimeSpan.Zero, None));
    }

    [Fact]
    public async Task TryAcquire_RacedByTwentyOwnersOnTwoInstances_HasExactlyOneWinner()
    {
        var other = await ConnectInstanceAsync();

        var won = await InParallel(20, i => (i % 2 == 0 ? Store : other).Leases.TryAcquireAsync(Pacer, $"node-{i}", Ttl, None));

        Assert.Single(won, w => w);
        var winner = Array.IndexOf(won, true);
        Assert.Equal($"node-{winner}", await other.Leases.GetHolderAsync(Pacer, None));
    }
}
