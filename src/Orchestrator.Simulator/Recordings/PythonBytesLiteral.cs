using System.Globalization;

namespace Orchestrator.Simulator.Recordings;

/// <summary>Decodes the <c>b'...'</c> literals a transcript uses for bytes that are not plain text.</summary>
internal static class PythonBytesLiteral
{
    public static byte[] Decode(string literal)
    {
        if (literal.Length < 3 || literal[0] != 'b' || (literal[1] != '\'' && literal[1] != '"') || literal[^1] != literal[1])
        {
            throw new FormatException($"Not a Python bytes literal: {literal}");
        }

        var body = literal.AsSpan(2, literal.Length - 3);
        var bytes = new List<byte>(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\')
            {
                bytes.Add((byte)body[i]);
                continue;
            }

            var escape = body[++i];
            switch (escape)
            {
                case 'r': bytes.Add((byte)'\r'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '0': bytes.Add(0); break;
                case 'x':
                    bytes.Add(byte.Parse(body.Slice(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: bytes.Add((byte)escape); break;
            }
        }

        return [.. bytes];
    }
}
