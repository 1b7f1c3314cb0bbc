using System.Buffers;
using BenchmarkDotNet.Attributes;
using Orchestrator.Benchmarks.Fixtures;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Benchmarks.Parsing;

/// <summary>
/// <see cref="AmiFrameReader"/> over the whole fixture mix: one operation parses every message of the mix once
/// (<see cref="ParseSuite"/> divides by the message count). The reader is reused, as one connection reuses its reader.
/// </summary>
public class AmiFrameParsingBenchmarks
{
    public const int SegmentSize = 4096;

    private ReadOnlySequence<byte> _whole;
    private ReadOnlySequence<byte> _segmented;
    private AmiFrameReader _reader = null!;
    private AmiMessage? _last;

    [GlobalSetup]
    public void Setup()
    {
        var bytes = FixtureMix.Shared.Bytes;
        _whole = new ReadOnlySequence<byte>(bytes);
        _segmented = SegmentedSequence.Split(bytes, SegmentSize);
        _reader = new AmiFrameReader(expectBanner: false);
    }

    /// <summary>The mix in one contiguous buffer: every frame takes the reader's single-segment fast path.</summary>
    [Benchmark(Baseline = true)]
    public int WholeBuffer() => ParseAll(_whole);

    /// <summary>The mix in 4 KiB segments: frames that straddle a segment boundary are assembled in the reader's buffer.</summary>
    [Benchmark]
    public int Segments4KiB() => ParseAll(_segmented);

    private int ParseAll(ReadOnlySequence<byte> input)
    {
        var buffer = input;
        var count = 0;
        while (_reader.TryRead(ref buffer, out var frame))
        {
            _last = frame.Message;
            count++;
        }

        return count + (_last is null ? 1 : 0);
    }
}
