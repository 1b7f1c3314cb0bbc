using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Protocols.Ari.Json;

/// <summary>
/// Asterisk's time stamps: <c>2026-11-23T19:52:15.115+0000</c> (ISO 8601 with a colon-less offset, which
/// System.Text.Json's own DateTimeOffset reader rejects). Parsing is tolerant: anything unreadable is null.
/// </summary>
public static class AriTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ssFFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    /// <summary>Reads an Asterisk time stamp; null when <paramref name="text"/> is not one.</summary>
    public static DateTimeOffset? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length is < 10 or > 64)
        {
            return null;
        }

        // "+0000" -> "+00:00": the one difference from what .NET reads.
        if (text.Length >= 5 && text[^5] is '+' or '-' && IsDigits(text[^4..]))
        {
            Span<char> fixedUp = stackalloc char[text.Length + 1];
            text[..^2].CopyTo(fixedUp);
            fixedUp[text.Length - 2] = ':';
            text[^2..].CopyTo(fixedUp[(text.Length - 1)..]);
            return TryParse(fixedUp);
        }

        return TryParse(text);
    }

    /// <summary>Writes a time stamp the way Asterisk does (millisecond precision, <c>+hhmm</c> offset).</summary>
    public static string Format(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{value:yyyy-MM-dd'T'HH:mm:ss.fff}{sign}{offset.Hours:00}{offset.Minutes:00}");
    }

    private static DateTimeOffset? TryParse(ReadOnlySpan<char> text) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Reads and writes <see cref="AriTimestamp"/>s; a value that is not a time stamp reads as null instead of failing the object.</summary>
public sealed class AriTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length > 128 ? null : AriTimestamp.Parse(reader.GetString());
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } timestamp)
        {
            writer.WriteStringValue(AriTimestamp.Format(timestamp));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
