using Orchestrator.State.Redis;

namespace Orchestrator.State.Tests;

public sealed class RedisStateStoreOptionsValidatorTests
{
    private readonly RedisStateStoreOptionsValidator _validator = new();

    [Fact]
    public void Validate_WithAConnectionStringAndDefaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new RedisStateStoreOptions { ConnectionString = "localhost:6379" }).Succeeded);
    }

    [Fact]
    public void Validate_ReportsEveryFailureAtOnce()
    {
        var options = new RedisStateStoreOptions
        {
            ConnectionString = " ",
            KeyPrefix = "orch:{x}:",
            OperationTimeout = TimeSpan.Zero,
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("ConnectionString", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("KeyPrefix", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("OperationTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectAsync_WithInvalidOptions_ThrowsBeforeConnecting()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => RedisStateStore.ConnectAsync(new RedisStateStoreOptions(), TimeProvider.System));
    }
}
