namespace Orchestrator.Protocols.Ami.Tests;

public sealed class AmiMessageBuilderTests
{
    [Fact]
    public void Build_WritesCrLfLines_ThatParseBackToTheSameHeaders()
    {
        var message = new AmiMessageBuilder().Add("Event", "Hangup").Add("Channel", "PJSIP/é-1").Add("AccountCode", string.Empty).Build();

        Assert.Equal("Event: Hangup\r\nChannel: PJSIP/é-1\r\nAccountCode: \r\n\r\n", System.Text.Encoding.UTF8.GetString(message.ToWireBytes()));
        Assert.Equal("PJSIP/é-1", message[AmiHeaders.Channel]);
        Assert.Equal(AmiMessageKind.Event, message.Kind);
    }

    [Theory]
    [InlineData("Channel", "PJSIP/a\r\nAction: Hangup")]
    [InlineData("Channel", "x\ny")]
    public void Add_ValueWithLineBreak_IsRefused(string name, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new AmiAction("Originate").Add(name, value));
        Assert.Contains("line break", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad Name")]
    [InlineData("Bad:Name")]
    [InlineData("")]
    public void Add_InvalidName_IsRefused(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => new AmiMessageBuilder().Add(name, "v"));

    [Fact]
    public void Action_ToString_MasksSecrets()
    {
        var action = new AmiAction("Login").Add("Username", "orchestrator").Add("Secret", "s3cret");

        Assert.DoesNotContain("s3cret", action.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Action_WithActionIdAddedInPlace_KeepsItsPosition()
    {
        var action = new AmiAction("Originate").Add("Channel", "Local/1@x").Add("ActionID", "o-1").Add("Async", "true");

        Assert.Equal("Action: Originate\r\nChannel: Local/1@x\r\nActionID: o-1\r\nAsync: true\r\n", action.ToMessage().ToString());
    }

    [Fact]
    public void Action_WithAssignedActionId_PutsItAfterTheActionLine()
    {
        var action = new AmiAction("Ping") { ActionId = "p-1" };

        Assert.Equal("Action: Ping\r\nActionID: p-1\r\n", action.ToMessage().ToString());
    }
}
