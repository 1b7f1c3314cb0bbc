using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Simulator.Outcomes;

/// <summary>
/// Reads and writes the pacebench distribution object. A bare number is read as a fixed value, so a field
/// the benchmark writes as <c>8</c> may later become a distribution without breaking old files.
/// </summary>
public sealed class DistributionJsonConverter : JsonConverter<Distribution>
{
    public override Distribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return Distribution.Fixed(reader.GetDouble());
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A distribution is an object such as {\"dist\":\"lognormal\",\"mean\":9,\"cv\":0.5}.");
        }

        string? kind = null;
        double? mean = null, cv = null, min = null, max = null, value = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "dist": kind = reader.GetString(); break;
                case "mean": mean = reader.GetDouble(); break;
                case "cv": cv = reader.GetDouble(); break;
                case "min": min = reader.GetDouble(); break;
                case "max": max = reader.GetDouble(); break;
                case "value": value = reader.GetDouble(); break;
                default: reader.Skip(); break;
            }
        }

        return kind switch
        {
            "lognormal" => Distribution.Lognormal(Require(mean, "lognormal", "mean"), Require(cv, "lognormal", "cv")),
            "exponential" => Distribution.Exponential(Require(mean, "exponential", "mean")),
            "uniform" => Distribution.Uniform(Require(min, "uniform", "min"), Require(max, "uniform", "max")),
            "fixed" => Distribution.Fixed(Require(value, "fixed", "value")),
            null => throw new JsonException("A distribution needs \"dist\": lognormal, exponential, uniform or fixed."),
            _ => throw new JsonException($"Unknown distribution \"{kind}\": use lognormal, exponential, uniform or fixed."),
        };
    }

    public override void Write(Utf8JsonWriter writer, Distribution value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        switch (value.Kind)
        {
            case DistributionKind.Lognormal:
                writer.WriteString("dist", "lognormal");
                writer.WriteNumber("mean", value.Mean);
                writer.WriteNumber("cv", value.Cv);
                break;
            case DistributionKind.Exponential:
                writer.WriteString("dist", "exponential");
                writer.WriteNumber("mean", value.Mean);
                break;
            case DistributionKind.Uniform:
                writer.WriteString("dist", "uniform");
                writer.WriteNumber("min", value.Min);
                writer.WriteNumber("max", value.Max);
                break;
            default:
                writer.WriteString("dist", "fixed");
                writer.WriteNumber("value", value.Value);
                break;
        }

        writer.WriteEndObject();
    }

    private static double Require(double? field, string kind, string name) =>
        field ?? throw new JsonException($"A {kind} distribution needs \"{name}\".");
}
