using System.Text;
using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Protocols.Ari.Tests.Support;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ari.Tests.Events;

/// <summary>
/// Random and mutated event payloads (truncated, bytes flipped, spliced, deeply nested) through the parser,
/// the typed views and the assembler: nothing may throw, nothing may hang. Seeded, bounded in count.
/// </summary>
public sealed class AriEventParserFuzzTests
{
    private const int Iterations = 20_000;

    [Fact]
    public async Task MutatedAndRandomPayloads_NeverThrow_NeverHang()
    {
        var corpus = AriScript.Files()
            .SelectMany(file => AriScript.Events(AriScript.Load(file)))
            .Select(e => e.Payload)
            .ToList();
        Assert.NotEmpty(corpus);

        await Task.Run(() =>
        {
            var random = new Random(20261123);
            var assembler = new AriMessageAssembler(4096);
            var parsed = 0;
            for (var i = 0; i < Iterations; i++)
            {
                var input = Mutate(corpus[random.Next(corpus.Count)], corpus, random);
                var result = AriEventParser.Parse(input);
                if (result.Event is { } evt)
                {
                    parsed++;
                    _ = evt.View;
                    _ = evt.ToString();
                }
                else
                {
                    Assert.NotEqual(AriMessageError.None, result.Error);
                }

                // The same bytes in random fragments through the assembler.
                var offset = 0;
                while (offset < input.Length)
                {
                    var size = Math.Min(input.Length - offset, random.Next(1, 700));
                    var end = offset + size == input.Length;
                    var status = assembler.Append(input.AsSpan(offset, size), end, out var message);
                    if (status == AriAssembleStatus.Complete)
                    {
                        _ = AriEventParser.Parse(message);
                    }

                    offset += size;
                }
            }

            // Some mutations (a flipped byte inside a string) leave valid events: the corpus was not all destroyed.
            Assert.InRange(parsed, 1, Iterations - 1);
        }).WaitAsync(TimeSpan.FromSeconds(45));
    }

    private static byte[] Mutate(byte[] original, List<byte[]> corpus, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(9))
        {
            case 0:
                return bytes[..random.Next(bytes.Length)];

            case 1:
                for (var n = random.Next(1, 8); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;

            case 2:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;

            case 3:
                var depth = random.Next(50, 5000);
                return Encoding.UTF8.GetBytes("{\"type\":\"Dial\",\"peer\":" + new string('[', depth) + new string(']', random.Next(depth + 1)) + "}");

            case 4:
                var nested = random.Next(10, 3000);
                return Encoding.UTF8.GetBytes(
                    "{\"type\":\"StasisStart\",\"channel\":" + string.Concat(Enumerable.Repeat("{\"id\":", nested)) + "1" + new string('}', nested) + "}");

            case 5:
                var noise = new byte[random.Next(0, 2048)];
                random.NextBytes(noise);
                return noise;

            case 6:
                var other = corpus[random.Next(corpus.Count)];
                return [.. bytes[..random.Next(bytes.Length)], .. other[random.Next(other.Length)..]];

            case 7:
                // Valid JSON, wrong shapes: numbers where strings go, strings where objects go.
                var text = Encoding.UTF8.GetString(bytes);
                return Encoding.UTF8.GetBytes(random.Next(3) switch
                {
                    0 => text.Replace("\"cause\":", "\"cause\":\"x\",\"c\":", StringComparison.Ordinal),
                    1 => text.Replace("\"channel\":{", "\"channel\":\"none\",\"x\":{", StringComparison.Ordinal),
                    _ => text.Replace("\"args\":[", "\"args\":[{},", StringComparison.Ordinal).Replace("\"priority\":", "\"priority\":1e999,\"p\":", StringComparison.Ordinal),
                });

            default:
                // Invalid UTF-8 inside a string value.
                var at = Array.IndexOf(bytes, (byte)'"', random.Next(bytes.Length / 2));
                if (at > 0 && at + 1 < bytes.Length)
                {
                    bytes[at + 1] = 0xC3;
                }

                return bytes;
        }
    }
}
