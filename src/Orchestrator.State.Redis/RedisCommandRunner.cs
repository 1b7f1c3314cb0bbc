using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

/// <summary>
/// The one place where Redis failures become <see cref="StateStoreUnavailableException"/>: every store part sends
/// its commands through here, so the pacer sees one exception type whatever went wrong on the wire.
/// </summary>
internal sealed class RedisCommandRunner(IDatabase database, ILogger logger)
{
    // Server replies that mean "not able to serve now" rather than "your command is wrong".
    private static readonly string[] UnavailableReplies = ["LOADING", "MASTERDOWN", "READONLY", "BUSY", "TRYAGAIN", "CLUSTERDOWN"];

    public async Task<T> RunAsync<T>(string operation, RedisKey key, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // StackExchange.Redis takes no token: the caller stops waiting, the command may still complete.
            return await command(database).WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            var name = (string?)key;
            var where = string.IsNullOrEmpty(name) ? "" : $" on key '{name}'";
            RedisLog.Unavailable(logger, operation, where, exception);
            throw new StateStoreUnavailableException($"The Redis state store did not answer {operation}{where}: {exception.Message}", exception);
        }
    }

    /// <summary>Runs a script; StackExchange.Redis sends it once with EVAL, then by its SHA1 with EVALSHA.</summary>
    public Task<RedisResult> EvaluateAsync(string operation, string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken) =>
        RunAsync(operation, keys[0], db => db.ScriptEvaluateAsync(script, keys, values), cancellationToken);

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException or TimeoutException => true,
        RedisServerException server => UnavailableReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)),
        _ => false,
    };
}
