using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Simulator.Ari.Http;

/// <summary>One frame a client sent, unmasked.</summary>
internal readonly record struct WebSocketFrame(byte Opcode, bool Fin, byte[] Payload);

/// <summary>RFC 6455 on the server side: unmasked frames out, masked frames in (a pure reader over bytes).</summary>
internal static class WebSocketFrames
{
    public const byte Continuation = 0x0;
    public const byte Text = 0x1;
    public const byte Binary = 0x2;
    public const byte Close = 0x8;
    public const byte Ping = 0x9;
    public const byte Pong = 0xA;

    /// <summary>The largest client frame accepted (a client only sends control frames and its close).</summary>
    public const int MaxClientPayload = 64 * 1024;

    public static byte[] Build(byte opcode, ReadOnlySpan<byte> payload)
    {
        var headerLength = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
        var frame = new byte[headerLength + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        if (payload.Length < 126)
        {
            frame[1] = (byte)payload.Length;
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            frame[1] = 126;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
        }
        else
        {
            frame[1] = 127;
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
        }

        payload.CopyTo(frame.AsSpan(headerLength));
        return frame;
    }

    public static byte[] CloseFrame(ushort code)
    {
        Span<byte> payload = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(payload, code);
        return Build(Close, payload);
    }

    /// <summary>The Sec-WebSocket-Accept answer to a client's key.</summary>
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for the handshake; it protects nothing.
    public static string AcceptKey(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350

    /// <summary>Reads one frame from the start of <paramref name="buffer"/>; false when more bytes are needed.</summary>
    /// <exception cref="InvalidDataException">The frame is larger than <see cref="MaxClientPayload"/>.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out WebSocketFrame frame)
    {
        frame = default;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out var first) || !reader.TryRead(out var second))
        {
            return false;
        }

        long length = second & 0x7F;
        if (length == 126)
        {
            if (!reader.TryReadBigEndian(out short extended))
            {
                return false;
            }

            length = (ushort)extended;
        }
        else if (length == 127)
        {
            if (!reader.TryReadBigEndian(out long extended))
            {
                return false;
            }

            length = extended;
        }

        if (length is < 0 or > MaxClientPayload)
        {
            throw new InvalidDataException($"a client WebSocket frame of {length} bytes exceeds {MaxClientPayload}");
        }

        Span<byte> mask = stackalloc byte[4];
        var masked = (second & 0x80) != 0;
        if (masked && !reader.TryCopyTo(mask))
        {
            return false;
        }

        if (masked)
        {
            reader.Advance(4);
        }

        if (reader.Remaining < length)
        {
            return false;
        }

        var payload = reader.UnreadSequence.Slice(0, length).ToArray();
        reader.Advance(length);
        if (masked)
        {
            for (var i = 0; i < payload.Length; i++)
            {
                payload[i] ^= mask[i % 4];
            }
        }

        buffer = buffer.Slice(reader.Position);
        frame = new WebSocketFrame((byte)(first & 0x0F), (first & 0x80) != 0, payload);
        return true;
    }
}
