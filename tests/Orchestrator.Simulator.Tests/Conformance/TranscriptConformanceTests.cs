using Orchestrator.Simulator.Tests.Support;

namespace Orchestrator.Simulator.Tests.Conformance;

/// <summary>
/// The manager protocol itself, against the recordings byte for byte: every server message has the recorded
/// header names in order and the recorded values, except those a real Asterisk varies from run to run.
/// </summary>
public sealed class TranscriptConformanceTests
{
    [Theory]
    [InlineData("ami-login")]
    [InlineData("ami-basic-actions")]
    [InlineData("ami-errors")]
    public async Task ServerMessages_MatchTheRecording_ExceptRunVaryingValues(string fixture)
    {
        var compared = await TranscriptReplayer.RunAsync(fixture, Strictness.Exact);

        Assert.True(compared > 5, $"only {compared} messages compared");
    }
}
