using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Tests.Support;

namespace Orchestrator.Simulator.Tests.Lab;

/// <summary>Lab-dialplan calls that are not the recorded ones: the recording replays with this call's identifiers.</summary>
public sealed class LabCallReplayTests
{
    private static AmiAction Originate(string number, string context = "outbound-message", string exten = "s") =>
        new AmiAction("Originate")
            .Add("Channel", $"Local/{number}@sim-customers")
            .Add("Context", context)
            .Add("Exten", exten)
            .Add("Priority", "1")
            .Add("CallerID", "\"Lab Two\" <5550002>")
            .Add("Async", "true")
            .Add("ActionID", "lab-1")
            .Add("Variable", "LEAD_ID=777");

    [Fact]
    public async Task AnsweredCall_WithOtherIdentifiers_IsReplayedWithThem()
    {
        await using var h = new SimulatorHarness();
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Originate("5551233"));
        h.Advance(TimeSpan.FromSeconds(30));

        var (last, events) = await ami.ReadUntilAsync(m => m.EventName == "CEL" && m["EventName"] == "LINKEDID_END");
        events.Add(last);
        events.RemoveAll(m => m.Kind != AmiMessageKind.Event);

        var response = events.Single(m => m.EventName == "OriginateResponse");
        var one = response["Uniqueid"]!;
        Assert.Matches(@"^\d{10}\.\d+$", one);
        Assert.Equal(("lab-1", "Success", "Local/5551233@sim-customers-00000000;1"), (response.ActionId, response["Response"], response["Channel"]));
        Assert.Equal("5550002", response["CallerIDNum"]);
        Assert.All(events.Where(m => m.Contains("Linkedid")), m => Assert.Equal(one, m["Linkedid"]));
        Assert.All(events.Where(m => m.Contains("Channel")), m => Assert.StartsWith("Local/5551233@sim-customers-00000000;", m["Channel"], StringComparison.Ordinal));
        Assert.DoesNotContain(events, m => m.EventName == "NewAccountCode");
        Assert.Equal(2, events.Count(m => m.EventName == "VarSet" && m["Variable"] == "LEAD_ID" && m["Value"] == "777"));
        Assert.DoesNotContain(events, m => m.EventName == "VarSet" && m["Variable"] == "CAMPAIGN");
        Assert.Contains(events, m => m.EventName == "Newexten" && m["AppData"] == "SIM customer 5551233 behaviour=3" && m["Exten"] == "5551233");
        Assert.Contains(events, m => m.EventName == "Newexten" && m["Context"] == "sim-behaviour" && m["Exten"] == "3");
        Assert.Contains(events, m => m.EventName == "Newexten" && m["AppData"] == "Answered: LEAD_ID=777 CAMPAIGN=");
        Assert.DoesNotContain(events, m => m.Headers().Any(h => h.Value.Contains("5550001", StringComparison.Ordinal) || h.Value.Contains("lead-123", StringComparison.Ordinal)));
        Assert.Empty(h.Simulator.Control.Channels);
    }

    [Fact]
    public async Task HangupAction_WithACause_EndsTheReplayedCallWithThatCause()
    {
        await using var h = new SimulatorHarness();
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Originate("5551235", "hold-line"));
        h.Advance(TimeSpan.FromSeconds(3));
        var channel = h.Simulator.Control.Channels.Single(c => c.Name.EndsWith(";1", StringComparison.Ordinal));
        Assert.Equal(("hold-line", "Wait"), (channel.Context, channel.Application));

        var hangup = new AmiAction("Hangup").Add("Channel", channel.Name).Add("Cause", "21");
        await h.SendAsync(ami, hangup);
        h.Advance(TimeSpan.FromSeconds(1));

        var (reply, _) = await ami.ReadUntilAsync(m => m.ActionId == hangup.ActionId);
        Assert.Equal("Channel Hungup", reply["Message"]);
        var first = (await ami.ReadUntilAsync(m => m.EventName == "Hangup")).Match;
        var second = (await ami.ReadUntilAsync(m => m.EventName == "Hangup")).Match;
        Assert.Equal(("21", "21", "Call Rejected"), (first["Cause"], second["Cause"], first["Cause-txt"]));
        Assert.Empty(h.Simulator.Control.Channels);
    }

    [Fact]
    public async Task LongCallToASimulatedAgent_StaysUp_UntilTheLongCallEnds()
    {
        await using var h = new SimulatorHarness();
        var ami = await h.LoginAsync("off");
        await h.SendAsync(ami, Originate("5551265", "connect-to-agent", "2002"));
        h.Advance(TimeSpan.FromSeconds(100));
        var channels = h.Simulator.Control.Channels;
        Assert.Equal(4, channels.Count);
        Assert.Contains(channels, c => c.Name.StartsWith("Local/2002@sim-agents-", StringComparison.Ordinal) && c.Application == "Echo");

        h.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(h.Simulator.Control.Channels);
    }

    [Fact]
    public async Task NoAnswer_EndsAtThisOriginatesTimeout()
    {
        await using var h = new SimulatorHarness();
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Originate("5551237").Add("Timeout", "15000"));
        h.Advance(TimeSpan.FromSeconds(14.9));
        Assert.Equal(2, h.Simulator.Control.Channels.Count);

        h.Advance(TimeSpan.FromSeconds(0.2));

        var response = (await ami.ReadUntilAsync(m => m.EventName == "OriginateResponse")).Match;
        Assert.Equal(("Failure", "3", "Local/5551237@sim-customers"), (response["Response"], response["Reason"], response["Channel"]));
    }
}
