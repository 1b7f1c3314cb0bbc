namespace Orchestrator.Protocols.Ami;

/// <summary>Keeps callers' strings from breaking the framing: a CR or LF in a value would start a new header or message.</summary>
internal static class AmiHeaderValidation
{
    public static void ThrowIfInvalid(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.AsSpan().IndexOfAny(":\r\n ") >= 0)
        {
            throw new ArgumentException($"AMI header name '{name}' may not contain a colon, a space or a line break.", nameof(name));
        }

        ThrowIfInvalidValue(name, value);
    }

    public static void ThrowIfInvalidValue(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The value of AMI header '{name}' contains a line break, which would corrupt the stream.", nameof(value));
        }
    }
}
