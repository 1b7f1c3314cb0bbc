using System.Globalization;
using StackExchange.Redis;

namespace Orchestrator.State.Redis;

/// <summary>How values are written into hash fields and script arguments, and read back.</summary>
internal static class RedisValueFormat
{
    /// <summary>Round-trip text ("O"): keeps the ticks and the offset, and stays readable in redis-cli.</summary>
    public static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(RedisValue value) =>
        DateTimeOffset.ParseExact(value.ToString(), "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>
    /// A sorted-set score for an instant: unix microseconds, exact in a double until year 2255. Instants closer than a
    /// microsecond compare equal (and fall back to the member order).
    /// </summary>
    public static long Score(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>
    /// A nullable string as a script argument: "" for null, "=" + value otherwise, so that null and "" stay distinct.
    /// Scripts decode it with their <c>opt</c> function.
    /// </summary>
    public static string Optional(string? value) => value is null ? "" : "=" + value;

    public static long ParseLong(RedisValue value) => long.Parse(value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a flat HGETALL reply (field, value, field, value…) into a dictionary.</summary>
    public static Dictionary<string, RedisValue> Fields(RedisValue[] flat)
    {
        var fields = new Dictionary<string, RedisValue>(flat.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            fields[flat[i].ToString()] = flat[i + 1];
        }

        return fields;
    }

    public static Dictionary<string, RedisValue> Fields(HashEntry[] entries) =>
        entries.ToDictionary(e => e.Name.ToString(), e => e.Value, StringComparer.Ordinal);
}
