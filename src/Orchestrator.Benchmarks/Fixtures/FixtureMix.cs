using System.Buffers;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;

namespace Orchestrator.Benchmarks.Fixtures;

/// <summary>
/// The parsing workload: the server side of every recorded AMI transcript (<c>tests/fixtures/asterisk/ami-*.txt</c>,
/// real Asterisk 22 bytes), each connection's stream without its banner line, concatenated in file order.
/// </summary>
internal sealed class FixtureMix
{
    private static readonly Lazy<FixtureMix> SharedMix = new(Load);

    private FixtureMix(string directory, int files, byte[] bytes, IReadOnlyList<AmiMessage> messages)
    {
        Directory = directory;
        Files = files;
        Bytes = bytes;
        Messages = messages;
        Events = messages.Where(m => m.Kind == AmiMessageKind.Event).ToArray();
        MessageHeapBytes = messages.Sum(HeapSize);
    }

    /// <summary>Loaded once per process.</summary>
    public static FixtureMix Shared => SharedMix.Value;

    public string Directory { get; }

    public int Files { get; }

    public byte[] Bytes { get; }

    /// <summary>Every message of the mix, parsed once (responses and events).</summary>
    public IReadOnlyList<AmiMessage> Messages { get; }

    public IReadOnlyList<AmiMessage> Events { get; }

    /// <summary>
    /// What the messages themselves occupy on the heap (64-bit): for each, its byte array, its header-range array
    /// and the <see cref="AmiMessage"/> object. A parser that allocates nothing else allocates exactly this.
    /// </summary>
    public long MessageHeapBytes { get; }

    public string Describe() =>
        $"fixture mix: {Files} transcripts from {Directory}, {Bytes.Length:N0} bytes, {Messages.Count:N0} messages " +
        $"({Events.Count:N0} events, {Messages.Count - Events.Count:N0} other), {Bytes.Length / (double)Messages.Count:F0} bytes and " +
        $"{Messages.Average(m => m.Count):F1} headers per message; the messages themselves take {MessageHeapBytes / (double)Messages.Count:F0} bytes of heap each";

    /// <summary>
    /// Heap size of one parsed message: byte[] (24-byte header + data, 8-aligned), its compact header table (24 + 8 per
    /// header: every header of the recordings fits), AmiMessage (16-byte header + three references, two ints and a long).
    /// </summary>
    public static long HeapSize(AmiMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Align(24 + message.RawBytes.Length) + Align(24 + (8 * message.Count)) + 56;
    }

    private static long Align(long size) => (size + 7) & ~7L;

    private static FixtureMix Load()
    {
        var directory = FindFixtures();
        var files = System.IO.Directory.GetFiles(directory, "ami-*.txt").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"No ami-*.txt transcripts in {directory}.");
        }

        using var mix = new MemoryStream();
        var messages = new List<AmiMessage>();
        foreach (var file in files)
        {
            var transcript = AsteriskTranscript.Load(file);
            foreach (var connection in transcript.Connections)
            {
                var stream = WithoutBanner(transcript.Stream(connection, TranscriptDirection.Server));
                var parsed = ParseAll(stream, out var leftover);
                if (leftover > 0)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)} ({connection}): the server stream ends in the middle of a frame ({leftover} bytes).");
                }

                mix.Write(stream);
                messages.AddRange(parsed);
            }
        }

        return new FixtureMix(directory, files.Length, mix.ToArray(), messages);
    }

    private static List<AmiMessage> ParseAll(byte[] bytes, out int leftover)
    {
        var reader = new AmiFrameReader(expectBanner: false);
        var buffer = new ReadOnlySequence<byte>(bytes);
        var messages = new List<AmiMessage>();
        while (reader.TryRead(ref buffer, out var frame))
        {
            messages.Add(frame.Message ?? throw new InvalidDataException($"A recorded frame was rejected ({frame.Error}): {frame.Detail}"));
        }

        leftover = reader.BufferedBytes;
        return messages;
    }

    /// <summary>Drops the greeting line (<c>Asterisk Call Manager/11.0.0</c>), which only opens a connection.</summary>
    private static byte[] WithoutBanner(byte[] stream)
    {
        var firstLine = stream.AsSpan().IndexOf((byte)'\n');
        return firstLine > 0 && !stream.AsSpan(0, firstLine).Contains((byte)':') ? stream[(firstLine + 1)..] : stream;
    }

    /// <summary>The copy next to the binary, else <c>tests/fixtures/asterisk</c> found walking up from the working directory.</summary>
    private static string FindFixtures()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "fixtures", "asterisk");
        if (System.IO.Directory.Exists(copied))
        {
            return copied;
        }

        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "asterisk");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The AMI fixtures were found neither next to the binary (fixtures/asterisk) nor in tests/fixtures/asterisk above " +
            $"{System.IO.Directory.GetCurrentDirectory()}. Run from inside the repository, or build the project so they are copied.");
    }
}
