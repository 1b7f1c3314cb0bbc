namespace Orchestrator.Protocols.Ami.Framing;

/// <summary>
/// One event an <see cref="AmiEventFilter"/> keeps: whole, or only when <paramref name="Header"/> has one of
/// <paramref name="Values"/> (<c>VarSet</c> only for <c>Variable: AMDSTATUS</c>, say).
/// </summary>
public sealed record AmiEventRule
{
    public AmiEventRule(string eventName, string? header = null, params IReadOnlyList<string> values)
    {
        if (!IsToken(eventName))
        {
            throw new ArgumentException($"'{eventName}' is not an AMI event name.", nameof(eventName));
        }

        if (header is not null && !IsToken(header))
        {
            throw new ArgumentException($"'{header}' is not an AMI header name.", nameof(header));
        }

        if ((header is null) != (values.Count == 0))
        {
            throw new ArgumentException($"The rule for '{eventName}' needs both a header and the values it keeps, or neither.", nameof(values));
        }

        // ASCII only: values compare ignoring ASCII case, and a non-ASCII value would never match.
        if (values.Any(v => v is null || v.Length == 0 || !System.Text.Ascii.IsValid(v) || v.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            throw new ArgumentException($"A value of the rule for '{eventName}' is empty, not ASCII, or holds a line break.", nameof(values));
        }

        EventName = eventName;
        Header = header;
        Values = values.ToArray();
    }

    public string EventName { get; }

    public string? Header { get; }

    public IReadOnlyList<string> Values { get; }

    public override string ToString() => Header is null ? EventName : $"{EventName}({Header}: {string.Join('|', Values)})";

    private static bool IsToken(string? text) =>
        !string.IsNullOrWhiteSpace(text) && System.Text.Ascii.IsValid(text) && text.AsSpan().IndexOfAny(":\r\n ") < 0;
}
