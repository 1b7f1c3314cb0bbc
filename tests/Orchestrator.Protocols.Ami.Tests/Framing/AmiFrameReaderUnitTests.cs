using System.Text;
using Orchestrator.Protocols.Ami.Framing;

namespace Orchestrator.Protocols.Ami.Tests.Framing;

public sealed class AmiFrameReaderUnitTests
{
    [Fact]
    public void Response_EndedWithCrLfLf_IsOneMessage()
    {
        // Asterisk has ended responses with \r\n\n instead of \r\n\r\n.
        var frames = Feed("Response: Success\r\nActionID: 1\r\n\nEvent: Foo\r\n\r\n");

        Assert.Equal(2, frames.Count);
        Assert.Equal("Success", frames[0].Message!.ResponseStatus);
        Assert.Equal("1", frames[0].Message!.ActionId);
        Assert.Equal("Foo", frames[1].Message!.EventName);
    }

    [Fact]
    public void Lines_EndedWithBareLf_AreAccepted()
    {
        var frames = Feed("Event: Hangup\nChannel: PJSIP/a-1\nCause: 16\n\n");

        var message = Assert.Single(frames).Message!;
        Assert.Equal("PJSIP/a-1", message[AmiHeaders.Channel]);
        Assert.Equal("16", message[AmiHeaders.Cause]);
    }

    [Fact]
    public void StrayEmptyLines_BetweenMessages_AreSkipped()
    {
        var frames = Feed("\r\n\r\nEvent: A\r\n\r\n\r\nEvent: B\r\n\r\n");

        Assert.Equal(["A", "B"], frames.Select(f => f.Message!.EventName));
    }

    [Fact]
    public void Banner_IsItsOwnFrame_OnlyAtTheStart()
    {
        var frames = Feed("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nMessage: Authentication accepted\r\n\r\n", expectBanner: true);

        Assert.Equal(AmiMessageKind.Banner, frames[0].Message!.Kind);
        Assert.Equal("Asterisk Call Manager/11.0.0", frames[0].Message!.GetValue(0));
        Assert.Equal(AmiMessageKind.Response, frames[1].Message!.Kind);
    }

    [Fact]
    public void CommandOutputBlock_ReadsToEndMarker_IncludingEmptyLinesAndColons()
    {
        var text = "Response: Follows\r\nPrivilege: Command\r\nActionID: c1\r\n" +
                   "Channel              Location\n\nUptime: 5 minutes\n--END COMMAND--\r\n\r\nEvent: After\r\n\r\n";

        var frames = Feed(text);

        Assert.Equal(2, frames.Count);
        var response = frames[0].Message!;
        Assert.Equal("Follows", response.ResponseStatus);
        Assert.Equal("c1", response.ActionId);
        Assert.Equal(["Channel              Location", string.Empty, "Uptime: 5 minutes"], response.GetValues(string.Empty));
        Assert.Equal("After", frames[1].Message!.EventName);
    }

    [Fact]
    public void OutputHeaders_OfModernCommandResponses_AreRepeatedHeaders()
    {
        var frames = Feed("Response: Success\r\nMessage: Command output follows\r\nOutput: line one\r\nOutput: line: two\r\n\r\n");

        Assert.Equal(["line one", "line: two"], frames[0].Message!.GetValues(AmiHeaders.Output));
    }

    [Fact]
    public void OversizedFrame_IsSkippedAndReported_AndTheNextMessageSurvives()
    {
        var huge = "Event: Huge\r\nData: " + new string('x', 5000) + "\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(huge + "Event: Small\r\n\r\n");

        foreach (var chunk in new[] { bytes.Length, 1, 100 })
        {
            var frames = FrameFeeder.Chunked(bytes, expectBanner: false, chunkSize: chunk, maxFrameBytes: 1024);

            Assert.Equal(2, frames.Count);
            Assert.Equal(AmiFrameError.Oversized, frames[0].Error);
            Assert.StartsWith("Event: Huge", frames[0].Detail, StringComparison.Ordinal);
            Assert.True(frames[0].Length >= 5000);
            Assert.Equal("Small", frames[1].Message!.EventName);
        }
    }

    [Fact]
    public void FrameWithoutKnownFirstHeader_IsMalformed_AndTheNextMessageSurvives()
    {
        var frames = Feed("garbage line\r\nFoo: bar\r\n\r\nEvent: Next\r\n\r\n");

        Assert.Equal(AmiFrameError.Malformed, frames[0].Error);
        Assert.Equal("garbage line..Foo: bar..", frames[0].Detail);
        Assert.Equal("Next", frames[1].Message!.EventName);
    }

    [Fact]
    public void ActionIdBeforeAction_IsStillAnAction_AsAsteriskAcceptsIt()
    {
        var frames = Feed("ActionID: first\r\nAction: Ping\r\n\r\n");

        Assert.Equal(AmiFrameError.None, frames[0].Error);
        Assert.Equal("Ping", frames[0].Message!.ActionName);
        Assert.Equal("first", frames[0].Message!.ActionId);
    }

    [Fact]
    public void RequestWithoutAction_IsMalformed_ButKeepsItsHeaders_SoTheServerCanEchoTheActionId()
    {
        var frames = Feed("ActionID: err-2\r\nFoo: bar\r\n\r\n");

        Assert.Equal(AmiFrameError.Malformed, frames[0].Error);
        Assert.Equal(AmiMessageKind.Unknown, frames[0].Message!.Kind);
        Assert.Equal("err-2", frames[0].Message!.ActionId);
    }

    [Fact]
    public void HeaderLookup_IsCaseInsensitive_AndKeepsEmptyValuesAndTrailingSpaces()
    {
        var message = Feed("Event: CEL\r\nUniqueID: lead-1\r\nAccountCode: \r\nNote: a b  \r\n\r\n")[0].Message!;

        Assert.Equal("lead-1", message[AmiHeaders.Uniqueid]);
        Assert.Equal(string.Empty, message["accountcode"]);
        Assert.Equal("a b  ", message["Note"]);
        Assert.Null(message["Missing"]);
        Assert.True(message.ValueEquals("event", "cel"));
    }

    [Fact]
    public void IncompleteFrame_IsHeldUntilTheRestArrives()
    {
        var reader = new AmiFrameReader(expectBanner: false);
        var first = new System.Buffers.ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("Event: Par"));

        Assert.False(reader.TryRead(ref first, out _));
        Assert.True(first.IsEmpty);
        Assert.Equal(10, reader.BufferedBytes);

        var rest = new System.Buffers.ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("tial\r\n\r\n"));
        Assert.True(reader.TryRead(ref rest, out var frame));
        Assert.Equal("Partial", frame.Message!.EventName);
        Assert.Equal(0, reader.BufferedBytes);
    }

    [Theory]
    [InlineData(300, 5, 1)] // a name longer than the compact header table holds
    [InlineData(8, 70_000, 1)] // a value longer than it holds
    [InlineData(8, 5, 300)] // a gap between colon and value longer than it holds
    [InlineData(255, 65_535, 255)] // the largest that fit
    public void HeadersOfAnySize_ReadBackExactly_WhateverTableHoldsThem(int nameLength, int valueLength, int spaces)
    {
        var name = new string('N', nameLength);
        var value = "v" + new string('x', valueLength - 1);
        var text = $"Event: Big\r\nBefore: 1\r\n{name}:{new string(' ', spaces)}{value}\r\nAfter: 2\r\n\r\n";

        var message = Assert.Single(FrameFeeder.Whole(Encoding.ASCII.GetBytes(text), expectBanner: false)).Message!;

        Assert.Equal(4, message.Count);
        Assert.Equal("Big", message.EventName);
        Assert.Equal(name, message.GetName(2));

        // One space after the colon is the separator; any further ones belong to the value.
        Assert.Equal(new string(' ', spaces - 1) + value, message[name]);
        Assert.Equal("1", message["Before"]);
        Assert.Equal("2", message["After"]);
    }

    private static List<AmiFrame> Feed(string text, bool expectBanner = false)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var whole = FrameFeeder.Whole(bytes, expectBanner);
        var byteByByte = FrameFeeder.Chunked(bytes, expectBanner, chunkSize: 1);
        Assert.Equal(whole.Select(f => f.Message?.ToString()), byteByByte.Select(f => f.Message?.ToString()));
        return whole;
    }
}
