using System.Text;
using Orchestrator.Protocols.Ari.Events;
using Orchestrator.Protocols.Ari.Json;

namespace Orchestrator.Protocols.Ari.Tests.Events;

public sealed class AriEventParserUnitTests
{
    [Theory]
    [InlineData("", AriMessageError.Empty)]
    [InlineData("{\"type\":\"Dial\"", AriMessageError.InvalidJson)]
    [InlineData("not json", AriMessageError.InvalidJson)]
    [InlineData("{\"type\":\"Dial\"} {\"type\":\"Dial\"}", AriMessageError.InvalidJson)]
    [InlineData("[1,2,3]", AriMessageError.NotAnObject)]
    [InlineData("\"StasisStart\"", AriMessageError.NotAnObject)]
    [InlineData("{\"timestamp\":\"2026-11-23T19:52:15.115+0000\"}", AriMessageError.MissingType)]
    [InlineData("{\"type\":42}", AriMessageError.MissingType)]
    [InlineData("{\"type\":\"\"}", AriMessageError.MissingType)]
    public void Parse_RejectsWhatIsNotAnEvent_WithATypedError(string text, AriMessageError expected)
    {
        var result = AriEventParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.False(result.Success);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Parse_NestingDeeperThanTheLimit_IsInvalidJson()
    {
        var deep = "{\"type\":\"X\",\"a\":" + new string('[', 1000) + new string(']', 1000) + "}";
        Assert.Equal(AriMessageError.InvalidJson, AriEventParser.Parse(Encoding.UTF8.GetBytes(deep)).Error);
    }

    [Fact]
    public void Parse_UnknownType_IsKeptGeneric()
    {
        var result = AriEventParser.Parse("""{"type":"ApplicationMoveFailed","timestamp":"2026-11-23T19:52:15.115+0000","destination":"x","application":"orchestrator"}"""u8);
        Assert.True(result.Success);
        Assert.Equal("ApplicationMoveFailed", result.Event!.Type);
        Assert.Null(result.Event.View);
        Assert.Equal("x", result.Event.Json.GetProperty("destination").GetString());
    }

    [Fact]
    public void Parse_KnownTypeWithAFieldOfTheWrongShape_KeepsTheEvent_WithoutAView()
    {
        var result = AriEventParser.Parse("""{"type":"ChannelDestroyed","cause":{"no":"number"},"cause_txt":"?"}"""u8);
        Assert.True(result.Success);
        Assert.Null(result.Event!.View);
        Assert.Null(result.Event.Timestamp);
    }

    [Fact]
    public void Parse_ChannelDtmfReceived_ReadsDigitAndDuration()
    {
        // Not in the transcripts (no DTMF was sent); the shape is ARI's documented one.
        var result = AriEventParser.Parse("""{"type":"ChannelDtmfReceived","timestamp":"2026-11-23T19:52:15.115+0000","digit":"5","duration_ms":120,"channel":{"id":"lead-1-a","name":"PJSIP/x-1","state":"Up"},"asterisk_id":"00:00:5e:00:53:01","application":"orchestrator"}"""u8);
        var dtmf = result.Event!.As<ChannelDtmfReceivedEvent>();
        Assert.NotNull(dtmf);
        Assert.Equal(("5", 120, "lead-1-a"), (dtmf.Digit, dtmf.DurationMs, dtmf.Channel!.Id));
    }

    [Fact]
    public void Parse_NumbersSentAsStrings_AreRead()
    {
        var view = AriEventParser.Parse("""{"type":"ChannelDestroyed","cause":"17","cause_txt":"User busy"}"""u8).Event!.As<ChannelDestroyedEvent>();
        Assert.Equal(17, view!.Cause);
    }

    [Theory]
    [InlineData("2026-11-23T19:52:15.115+0000", "2026-11-23T19:52:15.1150000+00:00")]
    [InlineData("2026-11-23T19:52:15.115-0500", "2026-11-23T19:52:15.1150000-05:00")]
    [InlineData("2026-11-23T19:52:15.115+05:30", "2026-11-23T19:52:15.1150000+05:30")]
    [InlineData("2026-11-23T19:52:15Z", "2026-11-23T19:52:15.0000000+00:00")]
    public void Timestamp_ReadsAsteriskFormats(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AriTimestamp.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-45T99:99:99.000+0000")]
    public void Timestamp_Unreadable_IsNull(string text) => Assert.Null(AriTimestamp.Parse(text));

    [Fact]
    public void Timestamp_FormatsAsAsteriskDoes() =>
        Assert.Equal("2026-11-23T19:52:15.115+0000", AriTimestamp.Format(new DateTimeOffset(2026, 11, 23, 19, 52, 15, 115, TimeSpan.Zero)));
}
