using Orchestrator.Switching;

namespace Orchestrator.Switching.Asterisk.Tests;

/// <summary>Leg ids as the adapters put them on channels and read them back from channel listings.</summary>
public sealed class LegIdTests
{
    [Fact]
    public void AnAgentLeg_NamesItsAgent()
    {
        var leg = LegId.ForAgent(42, 1_795_529_199_217);

        Assert.Equal("agent-42-1795529199217", leg.Value);
        Assert.True(leg.TryGetAgent(out var agentId));
        Assert.Equal(42, agentId);
    }

    [Theory]
    [InlineData("agent-42-1795529199217-2")] // the other half of a Local channel (AMI adapter)
    [InlineData("agent-42")]
    [InlineData("agent-42-")]
    [InlineData("agent--7")]
    [InlineData("agent-x-7")]
    [InlineData("agent-42-7a")]
    [InlineData("0193a1b2c3d4e5f60718293a4b5c6d7e")] // a customer leg (an attempt id)
    public void AnythingElse_NamesNoAgent(string value)
    {
        Assert.True(LegId.TryParse(value, out var leg));
        Assert.False(leg.TryGetAgent(out _));
    }
}
