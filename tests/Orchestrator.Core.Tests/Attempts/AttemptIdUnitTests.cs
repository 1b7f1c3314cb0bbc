using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Core.Attempts;

namespace Orchestrator.Core.Tests.Attempts;

[Properties(Replay = PropertySeeds.Replay, MaxTest = 1000)]
public sealed partial class AttemptIdUnitTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 4, 15, 30, 12, 345, TimeSpan.Zero);

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex LowercaseHex32();

    /// <summary>The UUID v7 timestamp: the first 48 bits, in the textual (big-endian) order.</summary>
    private static long UnixMilliseconds(AttemptId id) =>
        long.Parse(id.ToString()[..12], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    // ---- New ------------------------------------------------------------------------------------------

    [Fact]
    public void New_IsAVersion7RfcVariantGuid()
    {
        var id = AttemptId.New(new FakeTimeProvider(Start));
        var text = id.ToString();

        Assert.Equal(7, id.Value.Version);
        Assert.Equal('7', text[12]);
        Assert.Contains(text[16], "89ab"); // variant bits 10xx
    }

    [Fact]
    public void New_TimestampIsTheFakeClocksNow_NotTheMachineClock()
    {
        var time = new FakeTimeProvider(Start);

        Assert.Equal(Start.ToUnixTimeMilliseconds(), UnixMilliseconds(AttemptId.New(time)));

        time.Advance(TimeSpan.FromDays(400) + TimeSpan.FromMilliseconds(7));
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), UnixMilliseconds(AttemptId.New(time)));
    }

    [Fact]
    public void New_AfterTheClockAdvances_SortsAfterTheEarlierId()
    {
        var time = new FakeTimeProvider(Start);
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(AttemptId.New(time).ToString());
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void New_AtTheSameInstant_GivesDistinctIds()
    {
        var time = new FakeTimeProvider(Start);

        var ids = Enumerable.Range(0, 1000).Select(_ => AttemptId.New(time)).ToHashSet();

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.Equal(Start.ToUnixTimeMilliseconds(), UnixMilliseconds(id)));
    }

    // ---- ToString -------------------------------------------------------------------------------------

    [Fact]
    public void ToString_Is32LowercaseHexDigits()
    {
        var id = AttemptId.New(new FakeTimeProvider(Start));

        Assert.Matches(LowercaseHex32(), id.ToString());
        Assert.Equal(id.Value.ToString("N"), id.ToString());
    }

    [Fact]
    public void ToString_OfKnownValue_IsItsHexWithoutSeparators()
    {
        var id = new AttemptId(Guid.Parse("0197E3A5-1B2C-7D4E-8F60-A1B2C3D4E5F6"));

        Assert.Equal("0197e3a51b2c7d4e8f60a1b2c3d4e5f6", id.ToString());
    }

    private static readonly Arbitrary<Guid> Guids =
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 16).Select(bytes => new Guid(bytes)).ToArbitrary();

    [Property]
    public Property ToString_ForAnyValue_Is32LowercaseHexDigits() =>
        Prop.ForAll(Guids, guid => LowercaseHex32().IsMatch(new AttemptId(guid).ToString()));

    // ---- Parse / TryParse -----------------------------------------------------------------------------

    [Property]
    public Property ParseAndTryParse_ForAnyValue_RoundTripThroughToString() =>
        Prop.ForAll(Guids, guid =>
        {
            var id = new AttemptId(guid);
            var text = id.ToString();
            return AttemptId.Parse(text, CultureInfo.InvariantCulture) == id
                && AttemptId.TryParse(text, out var parsed) && parsed == id
                && AttemptId.TryParse(text, CultureInfo.InvariantCulture, out var parsedWithProvider) && parsedWithProvider == id;
        });

    [Fact]
    public void Parse_ThroughIParsable_RoundTrips()
    {
        var id = AttemptId.New(new FakeTimeProvider(Start));

        Assert.Equal(id, ParseAs<AttemptId>(id.ToString()));
    }

    private static T ParseAs<T>(string s)
        where T : IParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);

    public static TheoryData<string> BadInput { get; } = new()
    {
        string.Empty,
        "0197e3a51b2c7d4e8f60a1b2c3d4e5f",                          // 31 digits
        "0197e3a51b2c7d4e8f60a1b2c3d4e5f60",                        // 33 digits
        "0197e3a5-1b2c-7d4e-8f60-a1b2c3d4e5f6",                     // dashed ("D")
        "{0197e3a5-1b2c-7d4e-8f60-a1b2c3d4e5f6}",                   // braced ("B")
        "(0197e3a5-1b2c-7d4e-8f60-a1b2c3d4e5f6)",                   // parenthesized ("P")
        "{0x0197e3a5,0x1b2c,0x7d4e,{0x8f,0x60,0xa1,0xb2,0xc3,0xd4,0xe5,0xf6}}", // "X"
        "0197e3a51b2c7d4e8f60a1b2c3d4e5fg",                         // not hex
        " 197e3a51b2c7d4e8f60a1b2c3d4e5f6",                         // leading space, 32 chars
        "0197e3a51b2c7d4e8f60a1b2c3d4e5f\n",                        // trailing newline, 32 chars
        "0197e3a5 1b2c7d4e8f60a1b2c3d4e5f",                         // space inside, 32 chars
        "0x97e3a51b2c7d4e8f60a1b2c3d4e5f6",                         // hex prefix, 32 chars
        "+197e3a51b2c7d4e8f60a1b2c3d4e5f6",                         // sign, 32 chars
        "0197e3a5+b2c7d4e8f60a1b2c3d4e5f6",                         // sign inside a group
        "\u0661\u06629e3a51b2c7d4e8f60a1b2c3d4e5f6",               // Arabic-Indic digits
        "00000000-0000-0000-0000-000000000000"[..32],               // dashes in the first 32 chars
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void TryParse_BadInput_ReturnsFalseAndDefault(string text)
    {
        Assert.False(AttemptId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Parse_BadInput_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => AttemptId.Parse(text, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(AttemptId.TryParse(null, out _));
        Assert.False(AttemptId.TryParse(null, CultureInfo.InvariantCulture, out _));
    }
}
