using System.Text.Json.Serialization;

namespace Orchestrator.State.Redis;

/// <summary>
/// Compact JSON for hopper entries (which scripts store without looking inside) and agent skill lists (which the
/// reservation script reads with cjson); source-generated so that no reflection runs per call.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(HopperEntry))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class RedisJsonContext : JsonSerializerContext;
