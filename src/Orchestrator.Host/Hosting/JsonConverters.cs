using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Core.Attempts;

namespace Orchestrator.Host.Hosting;

/// <summary>An attempt id as its 32 hex digits, as it appears in logs, channel ids and the switch.</summary>
internal sealed class AttemptIdJsonConverter : JsonConverter<AttemptId>
{
    public override AttemptId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AttemptId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("An attempt id is 32 hex digits.");

    public override void Write(Utf8JsonWriter writer, AttemptId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary>The JSON settings shared by the API and the SignalR hubs: enums by name, attempt ids as strings.</summary>
internal static class OrchestratorJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new AttemptIdJsonConverter());
    }
}
