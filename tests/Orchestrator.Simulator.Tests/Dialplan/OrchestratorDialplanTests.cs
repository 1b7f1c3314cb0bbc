using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Simulator.Tests.Support;
using static Orchestrator.Simulator.Tests.Support.CallScript;

namespace Orchestrator.Simulator.Tests.Dialplan;

/// <summary>
/// The orchestrator's own dialplan (asterisk-conf/extensions_orchestrator.conf) on the simulator: customers
/// behave as the outcome model says, whatever they dial; events are followed by Uniqueid = the ChannelId given.
/// </summary>
public sealed class OrchestratorDialplanTests
{
    [Fact]
    public async Task AnsweredCustomer_RedirectedToAgentConference_HangsUpAfterTalkTime_AgentStays()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Agent("1001", "agent-1001-s1"));
        h.Advance(TimeSpan.FromSeconds(1));
        var agentJoin = (await ami.ReadUntilAsync(m => Is(m, "ConfbridgeJoin", "agent-1001-s1"))).Match;
        Assert.Equal("orch-agent-1001", agentJoin["Conference"]);

        await h.SendAsync(ami, Customer("att-1"));
        h.Advance(TimeSpan.FromSeconds(2));
        var answered = (await ami.ReadUntilAsync(m => m.EventName == "OriginateResponse" && m.ActionId == "orig-att-1")).Match;
        Assert.Equal(("Success", "4", "att-1"), (answered["Response"], answered["Reason"], answered["Uniqueid"]));
        await ami.ReadUntilAsync(m => Is(m, "Newexten", "att-1") && m["Application"] == "Wait");

        var redirect = Redirect(answered["Channel"]!, "orchestrator-connect", "1001");
        await h.SendAsync(ami, redirect);
        var (reply, _) = await ami.ReadUntilAsync(m => m.ActionId == redirect.ActionId);
        Assert.Equal("Redirect successful", reply["Message"]);
        var join = (await ami.ReadUntilAsync(m => Is(m, "ConfbridgeJoin", "att-1"))).Match;
        Assert.Equal(agentJoin["BridgeUniqueid"], join["BridgeUniqueid"]);

        h.Advance(TimeSpan.FromSeconds(10));
        var (hangup, before) = await ami.ReadUntilAsync(m => Is(m, "Hangup", "att-1"));
        Assert.Contains(before, m => Is(m, "ConfbridgeLeave", "att-1"));
        Assert.Equal("16", hangup["Cause"]);
        Assert.DoesNotContain(before, m => m["Uniqueid"] == "agent-1001-s1" && m.EventName is "ConfbridgeLeave" or "Hangup");
        var agent = Assert.Single(h.Simulator.Control.Channels);
        Assert.Equal(("agent-1001-s1", join["BridgeUniqueid"]), (agent.Uniqueid, agent.BridgeId));
    }

    [Fact]
    public async Task BusyCustomer_FailsWithReason5_AndTheRecordedCauses()
    {
        await using var h = Harness(Model(busy: 1));
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Customer("att-busy"));
        h.Advance(TimeSpan.FromSeconds(1));

        var (response, before) = await ami.ReadUntilAsync(m => m.EventName == "OriginateResponse");

        Assert.Equal(("Failure", "5", "att-busy", "Local/5551234@from-orchestrator"), (response["Response"], response["Reason"], response["Uniqueid"], response["Channel"]));
        Assert.Equal("17", before.Single(m => Is(m, "Hangup", "att-busy;2"))["Cause"]);
        Assert.Equal("0", before.Single(m => Is(m, "Hangup", "att-busy"))["Cause"]);
        Assert.Contains(before, m => m.EventName == "DialEnd" && m["DialStatus"] == "BUSY");
    }

    [Fact]
    public async Task UnansweredCustomer_RingsUntilTheOriginateTimeout_Reason3()
    {
        await using var h = Harness(Model(noAnswer: 1));
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Customer("att-na", timeoutMs: 7000));
        h.Advance(TimeSpan.FromSeconds(6.9));
        await ami.ReadUntilAsync(m => m.EventName == "DialState" && m["DialStatus"] == "RINGING");
        Assert.Equal(2, h.Simulator.Control.Channels.Count);

        h.Advance(TimeSpan.FromSeconds(0.1));
        var (response, before) = await ami.ReadUntilAsync(m => m.EventName == "OriginateResponse");

        Assert.Equal(("Failure", "3"), (response["Response"], response["Reason"]));
        Assert.Equal("19", before.Single(m => Is(m, "Hangup", "att-na"))["Cause"]);
        Assert.Empty(h.Simulator.Control.Channels);
    }

    [Theory]
    [InlineData(true, "MACHINE", "LONGGREETING-1500-1500")]
    [InlineData(false, "HUMAN", "HUMAN-803-800")]
    public async Task Amd_SetsTheVerdictOnTheCustomerChannel_AndAMachineIsHungUp(bool machine, string status, string cause)
    {
        await using var h = Harness(machine ? Model(machine: 1) : Model(live: 1));
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Customer("att-amd", exten: "amd"));
        h.Advance(TimeSpan.FromSeconds(2 + 3));

        var amdStatus = (await ami.ReadUntilAsync(m => Is(m, "VarSet", "att-amd") && m["Variable"] == "AMDSTATUS")).Match;
        var amdCause = await ami.ReadAsync();
        Assert.Equal(status, amdStatus["Value"]);
        Assert.Equal(("AMDCAUSE", cause), (amdCause["Variable"], amdCause["Value"]));
        var next = (await ami.ReadUntilAsync(m => Is(m, "Newexten", "att-amd") && m["Application"] != "GotoIf")).Match;
        if (machine)
        {
            Assert.Equal(("Hangup", "16"), (next["Application"], next["AppData"]));
            Assert.Equal("16", (await ami.ReadUntilAsync(m => Is(m, "Hangup", "att-amd"))).Match["Cause"]);
        }
        else
        {
            Assert.Equal(("Wait", "30"), (next["Application"], next["AppData"]));
            Assert.Equal(2, h.Simulator.Control.Channels.Count);
        }
    }

    [Fact]
    public async Task AnsweredCustomer_NotRedirectedWithin30Seconds_GoesToSafeHarbor()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Customer("att-sh"));
        h.Advance(TimeSpan.FromSeconds(2 + 30));
        var goTo = (await ami.ReadUntilAsync(m => Is(m, "Newexten", "att-sh") && m["Application"] == "Goto")).Match;
        Assert.Equal("orchestrator-safe-harbor,s,1", goTo["AppData"]);
        var playback = (await ami.ReadUntilAsync(m => Is(m, "Newexten", "att-sh") && m["Application"] == "Playback")).Match;
        Assert.Equal(("orchestrator-safe-harbor", "orchestrator/safe-harbor"), (playback["Context"], playback["AppData"]));

        h.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("16", (await ami.ReadUntilAsync(m => Is(m, "Hangup", "att-sh"))).Match["Cause"]);
        Assert.Equal(1, h.Simulator.Control.Counters.SafeHarbors);
    }

    [Fact]
    public async Task Redirect_ToSafeHarbor_PlaysTheMessageThenHangsUp()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Customer("att-r", dial: "PJSIP/5551234@trunk"));
        h.Advance(TimeSpan.FromSeconds(2));
        var answered = (await ami.ReadUntilAsync(m => m.EventName == "OriginateResponse")).Match;
        Assert.StartsWith("PJSIP/trunk-", answered["Channel"], StringComparison.Ordinal);

        await h.SendAsync(ami, Redirect(answered["Channel"]!, "orchestrator-safe-harbor", "s"));
        await ami.ReadUntilAsync(m => Is(m, "Newexten", "att-r") && m["Application"] == "Playback");
        h.Advance(TimeSpan.FromSeconds(3));

        var (hangup, before) = await ami.ReadUntilAsync(m => Is(m, "Hangup", "att-r"));
        Assert.Equal("16", hangup["Cause"]);
        Assert.Contains(before, m => Is(m, "VarSet", "att-r") && m["Variable"] == "PLAYBACKSTATUS");
    }

    [Fact]
    public async Task AgentLeg_StaysInItsConference_UntilHungUp_AndTakesItsCustomerOut()
    {
        await using var h = Harness(Model(live: 1) with { TalkSeconds = Distribution.Fixed(3600) });
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Agent("1002", "agent-1002-s1"));
        await h.SendAsync(ami, Customer("att-a"));
        h.Advance(TimeSpan.FromSeconds(2));
        var customer = (await ami.ReadUntilAsync(m => m.EventName == "OriginateResponse" && m.ActionId == "orig-att-a")).Match;
        await h.SendAsync(ami, Redirect(customer["Channel"]!, "orchestrator-connect", "1002"));
        h.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(3, h.Simulator.Control.Channels.Count);

        var agentChannel = h.Simulator.Control.Channels.Single(c => c.Uniqueid == "agent-1002-s1").Name;
        await h.SendAsync(ami, new AmiAction("Hangup").Add("Channel", agentChannel).Add("Cause", "16"));

        var (end, before) = await ami.ReadUntilAsync(m => m.EventName == "ConfbridgeEnd");
        Assert.Contains(before, m => Is(m, "ConfbridgeLeave", "agent-1002-s1"));
        Assert.Contains(before, m => Is(m, "ConfbridgeLeave", "att-a"));
        Assert.Equal("orch-agent-1002", end["Conference"]);
        await ami.ReadUntilAsync(m => m.EventName == "BridgeDestroy");
        Assert.Empty(h.Simulator.Control.Channels);
    }

    [Fact]
    public async Task FailedCustomer_IsCongestionOrUnreachable()
    {
        await using var h = Harness(Model(failed: 1));
        var ami = await h.LoginAsync();
        for (var i = 0; i < 6; i++)
        {
            await h.SendAsync(ami, Customer($"att-f{i}"));
        }

        h.Advance(TimeSpan.FromSeconds(1));
        var reasons = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            reasons.Add((await ami.ReadUntilAsync(m => m.EventName == "OriginateResponse")).Match["Reason"]!);
        }

        Assert.All(reasons, r => Assert.Contains(r, new[] { "8", "0" }));
        var counters = h.Simulator.Control.Counters;
        Assert.Equal(6, counters.Congestion + counters.Unavailable);
    }

    [Fact]
    public async Task SynchronousOriginate_AnswersAfterTheCustomerAnswers_EventsFollowTheResponse()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync();
        var originate = new AmiAction("Originate").Add("Channel", "PJSIP/5550100@trunk").Add("Context", "orchestrator-customer")
            .Add("Exten", "s").Add("Priority", "1").Add("ChannelId", "att-sync");
        await h.SendAsync(ami, originate);
        Assert.Empty(ami.Drain());

        h.Advance(TimeSpan.FromSeconds(2));

        var response = await ami.ReadAsync();
        Assert.Equal(("Success", "Originate successfully queued"), (response.ResponseStatus, response["Message"]));
        var following = await ami.ReadAsync();
        Assert.Equal("CEL", following.EventName);
        Assert.DoesNotContain((await ami.ReadUntilAsync(m => Is(m, "Newexten", "att-sync"))).Before, m => m.EventName == "OriginateResponse");
    }

    [Fact]
    public async Task LeadIndexVariable_PicksTheSameCustomerOnEveryRun()
    {
        var model = Model(live: 0.5, busy: 0.5);
        var expected = Enumerable.Range(0, 8).Select(i => model.Draw(i).Class).ToList();
        await using var h = Harness(model);
        var ami = await h.LoginAsync();
        for (var i = 7; i >= 0; i--)
        {
            await h.SendAsync(ami, Customer($"att-l{i}").Add("Variable", $"ORCH_LEAD_INDEX={i}"));
        }

        h.Advance(TimeSpan.FromSeconds(2));
        var responses = new Dictionary<string, string>();
        while (responses.Count < 8)
        {
            var m = (await ami.ReadUntilAsync(x => x.EventName == "OriginateResponse")).Match;
            responses[m.ActionId!] = m["Reason"]!;
        }

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(expected[i] == OutcomeClass.Live ? "4" : "5", responses[$"orig-att-l{i}"]);
        }
    }
}
