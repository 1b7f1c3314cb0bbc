using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Protocols.Ami;

/// <summary>
/// One AMI message as it came off the wire: its bytes and an ordered list of where each header sits.
/// Nothing is decoded until asked for, so parsing costs one copy of the bytes and one small array.
/// </summary>
/// <remarks>
/// AMI header names are matched case-insensitively (Asterisk itself sends <c>Uniqueid</c> in some
/// events and <c>UniqueID</c> in others). Headers may repeat (<c>Variable</c>, <c>Output</c>); the indexer
/// returns the first, <see cref="GetValues"/> all of them. Typed views (<c>Events/</c>) read the headers the
/// orchestrator uses; every other header stays available here, so a new Asterisk release never produces
/// an "unknown event" that loses data.
/// </remarks>
public sealed class AmiMessage
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    private readonly byte[] _data;

    // One of the two is set: the compact table when every header fits in it (always, for what Asterisk sends).
    private readonly CompactHeaderRange[]? _compact;
    private readonly HeaderRange[]? _wide;

    // Which header made the kind: the first one, as Asterisk writes, or the first Event/Response/Action
    // further down (a client may put ActionID before Action, and Asterisk accepts it).
    private readonly int _kindHeader;

    /// <param name="data">The message's bytes.</param>
    /// <param name="headers">Where each header sits, counted from <paramref name="offset"/> (copied).</param>
    /// <param name="offset">Where <paramref name="data"/> started in the buffer <paramref name="headers"/> point into.</param>
    /// <param name="isBanner">The server's greeting line rather than a message.</param>
    internal AmiMessage(byte[] data, ReadOnlySpan<HeaderRange> headers, int offset, bool isBanner)
    {
        _data = data;
        var compact = true;
        foreach (ref readonly var header in headers)
        {
            compact &= CompactHeaderRange.Fits(header);
        }

        if (compact)
        {
            _compact = new CompactHeaderRange[headers.Length];
            for (var i = 0; i < headers.Length; i++)
            {
                _compact[i] = CompactHeaderRange.From(headers[i], offset);
            }
        }
        else
        {
            _wide = new HeaderRange[headers.Length];
            for (var i = 0; i < headers.Length; i++)
            {
                var h = headers[i];
                _wide[i] = new HeaderRange(h.NameStart - offset, h.NameLength, h.ValueStart - offset, h.ValueLength);
            }
        }

        (Kind, _kindHeader) = isBanner ? (AmiMessageKind.Banner, 0) : Classify();
    }

    public AmiMessageKind Kind { get; }

    /// <summary>The client connection generation the message arrived on (0 when it did not come from a client).</summary>
    public long Generation { get; internal set; }

    /// <summary>The header lines exactly as received, terminators included, without the blank line that ended the message.</summary>
    public ReadOnlySpan<byte> RawBytes => _data;

    public int Count => _compact?.Length ?? _wide!.Length;

    /// <summary>For an event: its name (<c>Newchannel</c>); otherwise empty.</summary>
    public string EventName => Kind == AmiMessageKind.Event ? AmiNames.Get(ValueBytes(_kindHeader)) : string.Empty;

    /// <summary>For a response: <c>Success</c>, <c>Error</c>, <c>Follows</c>, <c>Goodbye</c>; otherwise empty.</summary>
    public string ResponseStatus => Kind == AmiMessageKind.Response ? AmiNames.Get(ValueBytes(_kindHeader)) : string.Empty;

    /// <summary>For an action: its name (<c>Originate</c>); otherwise empty.</summary>
    public string ActionName => Kind == AmiMessageKind.Action ? AmiNames.Get(ValueBytes(_kindHeader)) : string.Empty;

    /// <summary>The ActionID header, which correlates responses and list events with the action that caused them.</summary>
    public string? ActionId => this[AmiHeaders.ActionId];

    /// <summary>The first value of the named header, or null.</summary>
    public string? this[string name] => IndexOf(name) is var i and >= 0 ? GetValue(i) : null;

    public string GetName(int index) => AmiNames.Get(NameBytes(index));

    public string GetValue(int index) => Encoding.UTF8.GetString(ValueBytes(index));

    public ReadOnlySpan<byte> NameBytes(int index)
    {
        var h = Range(index);
        return _data.AsSpan(h.NameStart, h.NameLength);
    }

    public ReadOnlySpan<byte> ValueBytes(int index)
    {
        var h = Range(index);
        return _data.AsSpan(h.ValueStart, h.ValueLength);
    }

    /// <summary>The index of the first header with this name (ASCII, case-insensitive), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(NameBytes(i), name))
            {
                return i;
            }
        }

        return -1;
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        var i = IndexOf(name);
        value = i >= 0 ? GetValue(i) : null;
        return value is not null;
    }

    /// <summary>Whether the named header's value equals <paramref name="expected"/> (ASCII, case-insensitive), without decoding it.</summary>
    public bool ValueEquals(string name, string expected)
    {
        var i = IndexOf(name);
        return i >= 0 && System.Text.Ascii.EqualsIgnoreCase(ValueBytes(i), expected);
    }

    /// <summary>Every value of the named header, in order.</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        List<string>? values = null;
        for (var i = 0; i < Count; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(NameBytes(i), name))
            {
                (values ??= []).Add(GetValue(i));
            }
        }

        return values ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Every header as (name, value), in wire order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new KeyValuePair<string, string>(GetName(i), GetValue(i));
        }
    }

    /// <summary>Writes the message and the blank line that ends it.</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(_data);
        if (Kind != AmiMessageKind.Banner)
        {
            output.Write(CrLf);
        }
    }

    /// <summary>The message's bytes as written to the wire, blank line included.</summary>
    public byte[] ToWireBytes()
    {
        var writer = new ArrayBufferWriter<byte>(_data.Length + 2);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    public override string ToString() => Encoding.UTF8.GetString(_data);

    private HeaderRange Range(int index) => _compact is { } compact ? compact[index].ToRange() : _wide![index];

    private (AmiMessageKind Kind, int Header) Classify()
    {
        for (var i = 0; i < Count; i++)
        {
            var name = NameBytes(i);
            var kind = System.Text.Ascii.EqualsIgnoreCase(name, AmiHeaders.Event) ? AmiMessageKind.Event
                : System.Text.Ascii.EqualsIgnoreCase(name, AmiHeaders.Response) ? AmiMessageKind.Response
                : System.Text.Ascii.EqualsIgnoreCase(name, AmiHeaders.Action) ? AmiMessageKind.Action
                : AmiMessageKind.Unknown;
            if (kind != AmiMessageKind.Unknown)
            {
                return (kind, i);
            }
        }

        return (AmiMessageKind.Unknown, 0);
    }
}
