using Microsoft.Extensions.Options;

namespace Orchestrator.State.Redis;

/// <summary>Checks every option at once at start-up and says how to fix each one.</summary>
public sealed class RedisStateStoreOptionsValidator : IValidateOptions<RedisStateStoreOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, RedisStateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("RedisStateStoreOptions.ConnectionString is empty; set it to the Redis endpoint(s), e.g. 'localhost:6379'.");
        }

        if (options.KeyPrefix is null || options.KeyPrefix.Contains('{', StringComparison.Ordinal) || options.KeyPrefix.Contains('}', StringComparison.Ordinal))
        {
            failures.Add($"RedisStateStoreOptions.KeyPrefix '{options.KeyPrefix}' must be set and must not contain '{{' or '}}' (they are Redis Cluster hash tags); e.g. 'orch:'.");
        }

        CheckTimeout(failures, nameof(options.ConnectTimeout), options.ConnectTimeout);
        CheckTimeout(failures, nameof(options.OperationTimeout), options.OperationTimeout);
        if (options.CounterDedupRetention < TimeSpan.FromMinutes(1))
        {
            failures.Add($"RedisStateStoreOptions.CounterDedupRetention is {options.CounterDedupRetention}; it must be at least 00:01:00 (default 2.00:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTimeout(List<string> failures, string option, TimeSpan value)
    {
        if (value < MinTimeout || value > MaxTimeout)
        {
            failures.Add($"RedisStateStoreOptions.{option} is {value}; it must be between {MinTimeout} and {MaxTimeout}.");
        }
    }
}
