using System.Runtime.InteropServices;

namespace Orchestrator.Protocols.Ami.Framing;

/// <summary>
/// A <see cref="HeaderRange"/> in 8 bytes instead of 16: the name's start, its length (under 256), the gap to the
/// value (<c>": "</c>, under 256) and the value's length (under 64 KiB). Every header Asterisk writes fits; a message
/// with one that does not keeps the wide form. The header table is a third of a parsed message's heap, and a parsed
/// message is most of what the client allocates per event.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct CompactHeaderRange
{
    private readonly int _nameStart;
    private readonly byte _nameLength;
    private readonly byte _valueGap;
    private readonly ushort _valueLength;

    private CompactHeaderRange(int nameStart, byte nameLength, byte valueGap, ushort valueLength)
    {
        _nameStart = nameStart;
        _nameLength = nameLength;
        _valueGap = valueGap;
        _valueLength = valueLength;
    }

    public static bool Fits(in HeaderRange range) =>
        range.NameLength <= byte.MaxValue
        && (uint)(range.ValueStart - range.NameStart - range.NameLength) <= byte.MaxValue
        && range.ValueLength <= ushort.MaxValue;

    /// <summary>The compact form of <paramref name="range"/> moved <paramref name="offset"/> bytes back; <see cref="Fits"/> must hold.</summary>
    public static CompactHeaderRange From(in HeaderRange range, int offset) =>
        new(range.NameStart - offset, (byte)range.NameLength, (byte)(range.ValueStart - range.NameStart - range.NameLength), (ushort)range.ValueLength);

    public HeaderRange ToRange() => new(_nameStart, _nameLength, _nameStart + _nameLength + _valueGap, _valueLength);
}
