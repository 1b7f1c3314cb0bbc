using System.Buffers;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ami.Tests.Framing;

/// <summary>
/// Real Asterisk bytes, mutated (bytes flipped, line breaks inserted and removed, ranges cut, duplicated
/// or filled with noise) and fed in random chunks: the reader must never throw, never stall, consume every
/// byte, and cut the same frames however the bytes arrive. Seeded, so any failure replays exactly.
/// </summary>
public sealed class AmiFrameReaderFuzzTests
{
    private const int Seed = 20261124;
    private const int Streams = 5_000;

    [Fact]
    public void MutatedFixtureStreams_NeverThrow_ConsumeEverything_AndFrameTheSameWhateverTheChunking()
    {
        var corpus = Directory.GetFiles(FixtureFiles.Directory("asterisk"), "ami-*.txt").Order(StringComparer.Ordinal)
            .Select(path => AsteriskTranscript.Load(path).Stream("ami", TranscriptDirection.Server))
            .Where(bytes => bytes.Length > 0)
            .ToList();
        var random = new Random(Seed);

        for (var i = 0; i < Streams; i++)
        {
            var source = corpus[random.Next(corpus.Count)];
            var start = random.Next(source.Length);
            var input = Mutate(source.AsSpan(start, Math.Min(source.Length - start, random.Next(64, 6_000))).ToArray(), random);
            var expectBanner = random.Next(2) == 0;
            var maxFrame = random.Next(3) == 0 ? 256 : 4_096;

            var whole = Describe(Feed(input, expectBanner, maxFrame, _ => input.Length));
            var ragged = Describe(Feed(input, expectBanner, maxFrame, r => r.Next(1, 97), new Random(i)));

            if (!whole.SequenceEqual(ragged))
            {
                var diff = whole.Zip(ragged).Select((p, k) => (p, k)).FirstOrDefault(x => x.p.First != x.p.Second);
                Assert.Fail($"stream {i} (seed {Seed}) framed differently in chunks: {whole.Count} vs {ragged.Count} frames; first difference at {diff.k}:\nWHOLE: {Show(string.Join(" || ", whole))}\nCHUNK: {Show(string.Join(" || ", ragged))}\nINPUT: {input.Length} bytes, banner {expectBanner}, max {maxFrame}");
            }
        }
    }

    private static List<AmiFrame> Feed(byte[] input, bool expectBanner, int maxFrame, Func<Random, int> chunkSize, Random? random = null)
    {
        random ??= new Random(0);
        var reader = new AmiFrameReader(expectBanner, maxFrame);
        var frames = new List<AmiFrame>();
        var offset = 0;
        while (offset < input.Length)
        {
            var size = Math.Min(Math.Max(1, chunkSize(random)), input.Length - offset);
            var buffer = new ReadOnlySequence<byte>(input, offset, size);
            var calls = 0;
            while (reader.TryRead(ref buffer, out var frame))
            {
                frames.Add(frame);
                Assert.True(++calls <= size + 1, "the reader returned frames without consuming bytes");
                if (frame.Message is { } message)
                {
                    Assert.True(message.RawBytes.Length <= maxFrame + 2, "a frame over the limit was returned as a message");
                }
            }

            Assert.True(buffer.IsEmpty, "the reader left bytes unconsumed");
            offset += size;
        }

        return frames;
    }

    private static string Show(string? text) => (text ?? "(none)").Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static List<string> Describe(List<AmiFrame> frames) =>
        frames.Select(f => $"{f.Error}|{f.Length}|{f.Message?.ToString()}").ToList();

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var data = new List<byte>(bytes);
        var mutations = random.Next(1, 8);
        for (var m = 0; m < mutations && data.Count > 0; m++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.InsertRange(at, random.Next(2) == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
                    break;
                case 2:
                    data.RemoveRange(at, Math.Min(random.Next(1, 40), data.Count - at));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 200), data.Count - at);
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 4:
                    data.InsertRange(at, Enumerable.Range(0, random.Next(1, 600)).Select(_ => (byte)random.Next(256)));
                    break;
                case 5:
                    data.Insert(at, (byte)':');
                    break;
                default:
                    data.InsertRange(at, "Response: Follows\r\n"u8.ToArray());
                    break;
            }
        }

        return [.. data];
    }
}
