namespace Orchestrator.Host.Tests.Infrastructure;

/// <summary>Waits for a condition with a generous deadline; no test asserts on how long something took.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {(timeout ?? DefaultTimeout).TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<System.Text.Json.JsonElement> JsonAsync(Func<Task<System.Text.Json.JsonElement?>> probe, string what, TimeSpan? timeout = null) =>
        (System.Text.Json.JsonElement)await ValueAsync<object>(async () => await probe() is { } json ? json : null, what, timeout);

    public static async Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        await ValueAsync<object>(async () => await probe() ? new object() : null, what, timeout);
}
