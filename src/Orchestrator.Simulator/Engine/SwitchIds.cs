using System.Globalization;

namespace Orchestrator.Simulator.Engine;

/// <summary>
/// The identifiers Asterisk makes up as it runs: channel sequence numbers (<c>-0000000a</c>), numeric
/// Uniqueids (<c>&lt;unix seconds&gt;.&lt;n&gt;</c>), bridge ids, session ids, MD5 challenges. Seeded, so a run
/// with a fake clock and the same seed names everything the same way. Used under the core's gate.
/// </summary>
internal sealed class SwitchIds
{
    private readonly Func<DateTimeOffset> _now;
    private readonly Random _random;
    private int _channelSequence;
    private long _uniqueSequence;

    public SwitchIds(Func<DateTimeOffset> now, long seed, int firstChannelSequence = 0)
    {
        _now = now;
        _channelSequence = firstChannelSequence;
        _random = new Random(unchecked((int)(seed ^ (seed >> 32)) ^ 0x5A17));
    }

    /// <summary>The next channel sequence suffix, 8 lowercase hex digits.</summary>
    public string NextChannelSequence() => (_channelSequence++).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>A Uniqueid as Asterisk makes one when the Originate gave no ChannelId.</summary>
    public string NextUniqueid() =>
        string.Create(CultureInfo.InvariantCulture, $"{_now().ToUnixTimeSeconds()}.{_uniqueSequence++}");

    public string NextBridgeId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>A manager session id as Asterisk prints it (a heap address).</summary>
    public string NextSessionId() =>
        string.Create(CultureInfo.InvariantCulture, $"0x7f64{_random.Next(0x100000, 0xFFFFFF):x6}{_random.Next(0, 0xFF):x2}");

    /// <summary>An MD5 login challenge: 9 decimal digits, like the lab's.</summary>
    public string NextChallenge() => _random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    public void Reset()
    {
        _channelSequence = 0;
        _uniqueSequence = 0;
    }
}
