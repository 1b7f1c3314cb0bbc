using System.Buffers;

namespace Orchestrator.Protocols.Ami.Tests.Framing;

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/>, the shape a pipe hands over when data spans its buffers.</summary>
internal sealed class SegmentedSequence : ReadOnlySequenceSegment<byte>
{
    private SegmentedSequence(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Create(byte[] bytes, IEnumerable<int> segmentSizes)
    {
        SegmentedSequence? first = null;
        SegmentedSequence? last = null;
        var offset = 0;
        using var sizes = segmentSizes.GetEnumerator();
        while (offset < bytes.Length)
        {
            var size = sizes.MoveNext() ? Math.Max(1, sizes.Current) : bytes.Length - offset;
            size = Math.Min(size, bytes.Length - offset);
            var segment = new SegmentedSequence(bytes.AsMemory(offset, size), offset);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Next = segment;
            }

            last = segment;
            offset += size;
        }

        return first is null || last is null
            ? ReadOnlySequence<byte>.Empty
            : new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
