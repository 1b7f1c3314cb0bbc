namespace Orchestrator.Protocols.Ari.Client;

/// <summary>
/// Exponential backoff with jitter: after the n-th failure in a row, wait a random time between half and
/// all of min·2ⁿ⁻¹ (capped at max), so that many orchestrators losing one Asterisk do not reconnect in step.
/// </summary>
public static class AriReconnectBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan min, TimeSpan max, Random? random = null)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
#pragma warning disable CA5394 // Jitter needs spread, not unpredictability.
        var jittered = ceiling * (0.5 + ((random ?? Random.Shared).NextDouble() * 0.5));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Max(min.TotalMilliseconds / 2, jittered));
    }
}
