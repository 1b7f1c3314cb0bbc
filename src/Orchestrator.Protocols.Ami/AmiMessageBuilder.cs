using System.Text;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Protocols.Ami;

/// <summary>
/// Builds a message header by header, in order, as CRLF-terminated <c>Name: Value</c> lines.
/// Names and values are checked so that no value can smuggle a line break into the stream.
/// </summary>
public sealed class AmiMessageBuilder
{
    // Room for a channel event (Event, Privilege, the 14-header snapshot and a few more) without regrowing: the
    // simulator builds tens of thousands a second, and every regrowth is garbage.
    private const int TypicalHeaderCount = 24;

    private readonly List<(string Name, string Value)> _headers = new(TypicalHeaderCount);

    public AmiMessageBuilder Add(string name, string value)
    {
        AmiHeaderValidation.ThrowIfInvalid(name, value);
        _headers.Add((name, value));
        return this;
    }

    /// <summary>Adds a line with no name (command output, a banner).</summary>
    public AmiMessageBuilder AddLine(string text)
    {
        AmiHeaderValidation.ThrowIfInvalidValue("(line)", text);
        _headers.Add((string.Empty, text));
        return this;
    }

    public AmiMessage Build() => Build(isBanner: false);

    /// <summary>A server greeting such as <c>Asterisk Call Manager/11.0.0</c>.</summary>
    public static AmiMessage Banner(string text) => new AmiMessageBuilder().AddLine(text).Build(isBanner: true);

    private AmiMessage Build(bool isBanner)
    {
        var size = 0;
        foreach (var (name, value) in _headers)
        {
            size += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value) + (name.Length > 0 ? 4 : 2);
        }

        var data = new byte[size];
        const int MaxStackHeaders = 64;
        Span<HeaderRange> ranges = _headers.Count <= MaxStackHeaders ? stackalloc HeaderRange[_headers.Count] : new HeaderRange[_headers.Count];
        var position = 0;
        for (var i = 0; i < _headers.Count; i++)
        {
            var (name, value) = _headers[i];
            var nameStart = position;
            var nameLength = Encoding.UTF8.GetBytes(name, data.AsSpan(position));
            position += nameLength;
            if (nameLength > 0)
            {
                data[position++] = (byte)':';
                data[position++] = (byte)' ';
            }

            var valueStart = position;
            var valueLength = Encoding.UTF8.GetBytes(value, data.AsSpan(position));
            position += valueLength;
            data[position++] = (byte)'\r';
            data[position++] = (byte)'\n';
            ranges[i] = new HeaderRange(nameStart, nameLength, valueStart, valueLength);
        }

        return new AmiMessage(data, ranges, 0, isBanner);
    }
}
