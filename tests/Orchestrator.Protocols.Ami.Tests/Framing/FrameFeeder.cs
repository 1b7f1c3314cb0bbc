using System.Buffers;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Protocols.Ami.Tests.Framing;

/// <summary>Feeds bytes to an <see cref="AmiFrameReader"/> the ways a socket can deliver them.</summary>
internal static class FrameFeeder
{
    /// <summary>All bytes in one contiguous buffer.</summary>
    public static List<AmiFrame> Whole(byte[] bytes, bool expectBanner, int maxFrameBytes = AmiFrameReader.DefaultMaxFrameBytes) =>
        Chunked(bytes, expectBanner, bytes.Length == 0 ? 1 : bytes.Length, maxFrameBytes);

    /// <summary>One read per chunk of <paramref name="chunkSize"/> bytes, as a slow socket delivers them.</summary>
    public static List<AmiFrame> Chunked(byte[] bytes, bool expectBanner, int chunkSize, int maxFrameBytes = AmiFrameReader.DefaultMaxFrameBytes)
    {
        var reader = new AmiFrameReader(expectBanner, maxFrameBytes);
        var frames = new List<AmiFrame>();
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, offset, Math.Min(chunkSize, bytes.Length - offset));
            Drain(reader, ref buffer, frames);
        }

        return frames;
    }

    /// <summary>Everything in one read, but split over many segments of the given sizes (a pipe's linked buffers).</summary>
    public static List<AmiFrame> Segmented(byte[] bytes, bool expectBanner, IEnumerable<int> segmentSizes)
    {
        var buffer = SegmentedSequence.Create(bytes, segmentSizes);
        var frames = new List<AmiFrame>();
        Drain(new AmiFrameReader(expectBanner), ref buffer, frames);
        return frames;
    }

    public static byte[] Reserialize(IEnumerable<AmiFrame> frames)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (var frame in frames)
        {
            Assert.NotNull(frame.Message);
            frame.Message.WriteTo(output);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Drain(AmiFrameReader reader, ref ReadOnlySequence<byte> buffer, List<AmiFrame> frames)
    {
        while (reader.TryRead(ref buffer, out var frame))
        {
            frames.Add(frame);
        }

        Assert.True(buffer.IsEmpty, "The reader must consume every byte it examined.");
    }
}
