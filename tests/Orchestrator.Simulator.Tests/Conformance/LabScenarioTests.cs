using Orchestrator.Simulator.Ami;
using Orchestrator.Simulator.Tests.Support;
using Xunit.Abstractions;

namespace Orchestrator.Simulator.Tests.Conformance;

/// <summary>
/// Each call of the lab dialplan, driven by the recording's own actions on the recording's timing: the simulator
/// sends the same messages in the same order — event names and header-name lists — as Asterisk 22.10.1 did.
/// </summary>
public sealed class LabScenarioTests(ITestOutputHelper output)
{
    /// <summary>
    /// The only values that may differ from the recording: identifiers Asterisk invents (channel sequence numbers,
    /// numeric Uniqueids, bridge ids, session ids, ports), clock readings, and the lab's spool path (redacted in the recording).
    /// </summary>
    private static readonly HashSet<string> MayDiffer = new(StringComparer.Ordinal)
    {
        "Uniqueid", "Linkedid", "UniqueID", "LinkedID", "DestUniqueid", "DestLinkedid", "LocalOneUniqueid", "LocalOneLinkedid",
        "LocalTwoUniqueid", "LocalTwoLinkedid", "Channel", "DestChannel", "LocalOneChannel", "LocalTwoChannel", "Peer",
        "DestinationChannel", "BridgeUniqueid", "BridgeId", "BridgeID", "Extra", "Value(BRIDGEPEER)", "Value(DIALEDPEERNAME)",
        "Value(MIXMONITOR_FILENAME)", "EventTime", "StartTime", "AnswerTime", "EndTime", "Duration", "BillableSeconds", "Seconds",
        "Uptime", "LastReload", "SessionTV", "SessionID", "RemoteAddress", "LocalAddress", "EventTV",
    };

    [Theory]
    [InlineData("ami-originate-answered")]
    [InlineData("ami-originate-busy")]
    [InlineData("ami-originate-noanswer")]
    [InlineData("ami-originate-congestion")]
    [InlineData("ami-originate-failed-channel")]
    [InlineData("ami-hangup-action")]
    [InlineData("ami-originate-bridge-agent")]
    [InlineData("ami-amd-human")]
    [InlineData("ami-amd-machine")]
    [InlineData("ami-mixmonitor")]
    [InlineData("ami-coreshowchannels-status")]
    [InlineData("ami-originate-bridge-sip-agent")]
    [InlineData("ami-originate-queue")]
    public async Task Scenario_SendsTheRecordedEventSequence(string fixture)
    {
        var options = new AsteriskAmiSimulatorOptions
        {
            PreferredLabRecording = fixture,
            FirstChannelSequence = TranscriptReplayer.FirstChannelSequence(fixture),
        };

        var differing = new SortedSet<string>(StringComparer.Ordinal);
        var compared = await TranscriptReplayer.RunAsync(fixture, Strictness.Shape, options, differing);

        Assert.True(compared > 10, $"only {compared} messages compared");
        output.WriteLine(string.Join(Environment.NewLine, differing));
        Assert.All(differing, d => Assert.Contains(d[(d.IndexOf('.', StringComparison.Ordinal) + 1)..], MayDiffer));
    }
}
