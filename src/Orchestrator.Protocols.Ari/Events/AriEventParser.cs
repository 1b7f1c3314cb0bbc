using System.Buffers;
using System.Text.Json;
using Orchestrator.Protocols.Ari.Json;

namespace Orchestrator.Protocols.Ari.Events;

/// <summary>Why a WebSocket message did not become an <see cref="AriEvent"/>.</summary>
public enum AriMessageError
{
    None = 0,

    /// <summary>An empty message.</summary>
    Empty,

    /// <summary>Larger than the configured maximum; skipped without being parsed.</summary>
    TooLarge,

    /// <summary>Not JSON, truncated JSON, trailing data, nested too deep, or invalid UTF-8.</summary>
    InvalidJson,

    /// <summary>Valid JSON, but not an object.</summary>
    NotAnObject,

    /// <summary>An object without a string <c>type</c>.</summary>
    MissingType,
}

/// <summary>The outcome of parsing one message: an event, or why there is none.</summary>
public readonly record struct AriEventParseResult(AriEvent? Event, AriMessageError Error, string? Detail)
{
    public bool Success => Event is not null;

    internal static AriEventParseResult Fail(AriMessageError error, string? detail) => new(null, error, detail);
}

/// <summary>
/// Parses one ARI event message (one WebSocket text message, UTF-8 JSON) into an <see cref="AriEvent"/>.
/// A pure function over bytes: no I/O, no state, never throws for any input.
/// </summary>
public static class AriEventParser
{
    /// <summary>The deepest JSON nesting accepted. ARI events nest about four levels.</summary>
    public const int MaxDepth = 64;

    public static AriEventParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return AriEventParseResult.Fail(AriMessageError.Empty, null);
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        return Parse(ref reader);
    }

    public static AriEventParseResult Parse(in ReadOnlySequence<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return AriEventParseResult.Fail(AriMessageError.Empty, null);
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        return Parse(ref reader);
    }

    private static AriEventParseResult Parse(ref Utf8JsonReader reader)
    {
        JsonElement root;
        try
        {
            // ParseValue copies the value into an element that owns its memory: nothing to dispose.
            root = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                return AriEventParseResult.Fail(AriMessageError.InvalidJson, "more than one JSON value in the message");
            }
        }
        catch (JsonException error)
        {
            return AriEventParseResult.Fail(AriMessageError.InvalidJson, error.Message);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return AriEventParseResult.Fail(AriMessageError.NotAnObject, $"a JSON {root.ValueKind}");
        }

        try
        {
            var type = ReadString(root, "type");
            if (string.IsNullOrEmpty(type))
            {
                return AriEventParseResult.Fail(AriMessageError.MissingType, "no string 'type' field");
            }

            var timestamp = ReadString(root, "timestamp") is { } text ? AriTimestamp.Parse(text) : null;
            var evt = new AriEvent(type, timestamp, ReadString(root, "application"), ReadString(root, "asterisk_id"), root);
            return new AriEventParseResult(evt, AriMessageError.None, null);
        }
        catch (InvalidOperationException error)
        {
            // Strings are only transcoded here: invalid UTF-8 inside one surfaces now.
            return AriEventParseResult.Fail(AriMessageError.InvalidJson, error.Message);
        }
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
