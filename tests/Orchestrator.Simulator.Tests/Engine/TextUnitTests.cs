using Orchestrator.Simulator.Dialplan;
using Orchestrator.Simulator.Engine;
using Orchestrator.Simulator.Lab;

namespace Orchestrator.Simulator.Tests.Engine;

public sealed class TextUnitTests
{
    [Theory]
    [InlineData("_X.", "1001", true)]
    [InlineData("_X.", "1", false)]
    [InlineData("_X.", "agent1", false)]
    [InlineData("_20XX", "2002", true)]
    [InlineData("_20XX", "20021", false)]
    [InlineData("_[0-4]", "3", true)]
    [InlineData("_[0-4]", "5", false)]
    [InlineData("s", "S", true)]
    public void Dialplan_PatternsMatchAsInAsterisk(string pattern, string exten, bool matches)
    {
        Assert.Equal(matches, KnownDialplan.Matches(pattern, exten));
    }

    [Theory]
    [InlineData("Local/5551230@sim-customers", "Local/5551230@sim-customers", "5551230@sim-customers")]
    [InlineData("Local/1001@agents/n", "Local/1001@agents", "1001@agents")]
    [InlineData("PJSIP/agent1001", "PJSIP/agent1001", "agent1001")]
    [InlineData("PJSIP/5551234@trunk", "PJSIP/trunk", "5551234@trunk")]
    public void DialString_NamesChannelsLikeAsterisk(string raw, string prefix, string dialBegin)
    {
        var dial = DialString.Parse(raw)!;

        Assert.Equal((prefix, dialBegin), (dial.ChannelPrefix, dial.DialBeginString));
    }

    [Fact]
    public void TokenReplacer_ReplacesWholeTokensOnce()
    {
        var tokens = new TokenReplacer();
        tokens.Add("1795463452.17", "1800000000.1");
        tokens.Add("Local/2001@sim-agents-00000030", "Local/2002@sim-agents-00000007");
        tokens.Add("2001", "2002");
        tokens.Add("2002", "9999");

        Assert.Equal("1800000000.1", tokens.Replace("1795463452.17"));
        Assert.Equal("1795463452.170", tokens.Replace("1795463452.170"));
        Assert.Equal("Local/2002@sim-agents-00000007;1", tokens.Replace("Local/2001@sim-agents-00000030;1"));
        Assert.Equal("SIM agent 2002 and 9999", tokens.Replace("SIM agent 2001 and 2002"));
    }
}
