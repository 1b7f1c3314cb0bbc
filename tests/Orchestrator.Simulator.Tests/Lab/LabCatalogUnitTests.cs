using Orchestrator.Simulator.Lab;

namespace Orchestrator.Simulator.Tests.Lab;

public sealed class LabCatalogUnitTests
{
    [Theory]
    [InlineData(LabBehaviour.ShortCall, "outbound-message", "s", "ami-originate-answered")]
    [InlineData(LabBehaviour.Busy, "outbound-message", "s", "ami-originate-busy")]
    [InlineData(LabBehaviour.NoAnswer, "outbound-message", "s", "ami-originate-noanswer")]
    [InlineData(LabBehaviour.Congestion, "outbound-message", "s", "ami-originate-congestion")]
    [InlineData(LabBehaviour.LongCall, "hold-line", "s", "ami-mixmonitor")]
    [InlineData(LabBehaviour.ShortCall, "connect-to-agent", "20XX", "ami-originate-bridge-agent")]
    [InlineData(LabBehaviour.LongCall, "connect-to-agent", "20XX", "ami-originate-bridge-agent")]
    [InlineData(LabBehaviour.Machine, "outbound-amd", "s", "ami-amd-machine")]
    [InlineData(LabBehaviour.ShortCall, "outbound-amd", "s", "ami-amd-human")]
    [InlineData(LabBehaviour.Busy, "hold-line", "s", "ami-originate-busy")]
    public void Find_PicksTheRecordingThatFits(LabBehaviour behaviour, string context, string extenClass, string source)
    {
        Assert.Equal(source, LabCatalog.Default.Find(behaviour, context, extenClass, async: true)?.Source);
    }

    [Fact]
    public void Find_HonoursThePreferredRecording_AndTheSyncFlavour()
    {
        Assert.Equal("ami-hangup-action", LabCatalog.Default.Find(LabBehaviour.LongCall, "hold-line", "s", true, "ami-hangup-action")?.Source);
        Assert.Equal("ami-originate-failed-channel", LabCatalog.Default.Find(LabBehaviour.Congestion, "outbound-message", "s", async: false)?.Source);
    }

    [Fact]
    public void Templates_SplitTheCallAtItsEnd()
    {
        var answered = LabCatalog.Default.Templates.Single(t => t.Source == "ami-originate-answered");

        Assert.Equal("Cdr", answered.Teardown[0].Message.EventName);
        Assert.Equal(TimeSpan.Zero, answered.Teardown[0].Offset);
        Assert.True(answered.NaturalTeardownAt > answered.AnsweredAt);
        Assert.Contains(answered.Prelude, e => e.Message.EventName == "OriginateResponse");
        Assert.Equal(16, LabCatalog.Default.Templates.Single(t => t.Source == "ami-hangup-action").HangupActionCause);
    }
}
