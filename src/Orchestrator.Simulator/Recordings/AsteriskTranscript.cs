using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Simulator.Recordings;

/// <summary>
/// A wire transcript recorded from a real Asterisk (the format of <c>tests/fixtures/asterisk/README.md</c>):
/// <c>[+SSSS.mmm] CONN D: text</c>. It rebuilds the exact byte stream each side sent on each connection.
/// </summary>
public sealed partial class AsteriskTranscript
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    private AsteriskTranscript(string name, IReadOnlyList<string> comments, IReadOnlyList<TranscriptLine> lines)
    {
        Name = name;
        Comments = comments;
        Lines = lines;
    }

    public string Name { get; }

    /// <summary>The leading <c>#</c> lines: title, recording time, what the client did.</summary>
    public IReadOnlyList<string> Comments { get; }

    public IReadOnlyList<TranscriptLine> Lines { get; }

    /// <summary>The connection names in order of first appearance.</summary>
    public IReadOnlyList<string> Connections => Lines.Select(l => l.Connection).Distinct().ToList();

    public static AsteriskTranscript Load(string path) =>
        Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path, Encoding.UTF8));

    public static AsteriskTranscript Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var comments = new List<string>();
        var lines = new List<TranscriptLine>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (raw.Length == 0)
            {
                continue;
            }

            if (raw.StartsWith('#'))
            {
                comments.Add(raw);
                continue;
            }

            var match = LinePattern().Match(raw);
            if (!match.Success)
            {
                throw new FormatException($"{name}:{number}: not a transcript line: '{raw}'");
            }

            var offset = TimeSpan.FromSeconds(double.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            var direction = match.Groups[3].ValueSpan[0] == 'C' ? TranscriptDirection.Client : TranscriptDirection.Server;
            var body = match.Groups[5].Success ? match.Groups[5].Value : string.Empty;
            var (kind, bytes) = match.Groups[4].ValueSpan[0] switch
            {
                ':' => (TranscriptLineKind.Line, [.. Encoding.UTF8.GetBytes(body), .. CrLf]),
                '-' => (TranscriptLineKind.Bytes, Encoding.UTF8.GetBytes(body)),
                '~' => (TranscriptLineKind.Literal, PythonBytesLiteral.Decode(body)),
                _ => (TranscriptLineKind.Note, Array.Empty<byte>()),
            };
            lines.Add(new TranscriptLine(offset, match.Groups[2].Value, direction, kind, body, bytes));
        }

        return new AsteriskTranscript(name, comments, lines);
    }

    /// <summary>Every byte one side sent on one connection, in order.</summary>
    public byte[] Stream(string connection, TranscriptDirection direction)
    {
        using var output = new MemoryStream();
        foreach (var line in Lines)
        {
            if (line.Connection == connection && line.Direction == direction)
            {
                output.Write(line.Bytes);
            }
        }

        return output.ToArray();
    }

    [GeneratedRegex(@"^\[\+(\d{4}\.\d{3})\] (\S+) ([CS])([:\-~#])(?: (.*))?$")]
    private static partial Regex LinePattern();
}
