using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Protocols.Ari.Tests.Support;

/// <summary>RFC 6455 frames, server side: unmasked frames out, masked frames in.</summary>
internal static class WsFrame
{
    public const byte Continuation = 0x0;
    public const byte Text = 0x1;
    public const byte Binary = 0x2;
    public const byte Close = 0x8;
    public const byte Ping = 0x9;
    public const byte Pong = 0xA;

    public static byte[] Build(byte opcode, ReadOnlySpan<byte> payload, bool fin = true)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        if (payload.Length < 126)
        {
            header.Add((byte)payload.Length);
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.Add(126);
            header.Add((byte)(payload.Length >> 8));
            header.Add((byte)payload.Length);
        }
        else
        {
            header.Add(127);
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            header.AddRange(length);
        }

        return [.. header, .. payload];
    }

    public static byte[] CloseFrame(ushort code)
    {
        var payload = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(payload, code);
        return Build(Close, payload);
    }

    /// <summary>The Sec-WebSocket-Accept answer to a client's key.</summary>
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for the handshake; it protects nothing.
    public static string AcceptKey(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350

    /// <summary>Bytes from the hex list of a transcript note (<c>header=81 7e 02 0c</c>).</summary>
    public static byte[] FromHex(string hex) =>
        [.. hex.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => Convert.ToByte(h, 16))];
}
