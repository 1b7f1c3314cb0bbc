using System.Net.Sockets;
using System.Text.Json;
using Orchestrator.Simulator.Ari;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Simulator.Tests.Ari.Support;

namespace Orchestrator.Simulator.Tests.Ari;

/// <summary>What the recordings do not show: the orchestrator's AMD context, trunk customers from the outcome model, the control surface.</summary>
public sealed class AriSimulatorTests
{
    [Theory]
    [InlineData(OutcomeClass.Live, "HUMAN", "HUMAN-803-800")]
    [InlineData(OutcomeClass.Machine, "MACHINE", "LONGGREETING-1500-1500")]
    public async Task OriginateIntoTheAmdContext_EntersTheAppOnlyWithTheVerdictAsArguments(OutcomeClass outcome, string status, string cause)
    {
        await using var simulator = Start(Always(outcome));
        await using var client = await AriTestClient.ConnectAsync(simulator);

        var (code, _) = await client.SendAsync(HttpMethod.Post, "channels?endpoint=PJSIP/5551230001@trunk&context=orchestrator-ari-amd&extension=s&channelId=amd-1", "{\"variables\":{\"ORCH_LEG\":\"amd-1\"}}");
        var start = await client.WaitForEventAsync(e => e.GetProperty("type").GetString() == "StasisStart", "StasisStart");

        Assert.Equal(200, code);
        Assert.Equal(["amd", status, cause], start.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        // An originate into a context does not subscribe the application: it hears of the channel only from Stasis() on.
        Assert.Equal("StasisStart", client.EventsOf("amd-1")[0]);
        Assert.Equal(status, simulator.Control.Channels.Single(c => c.Id == "amd-1").Variables["AMDSTATUS"]);
    }

    [Fact]
    public async Task TrunkCustomer_BridgedWithAnAgent_TalksItsTalkTime_ThenHangsUp()
    {
        await using var simulator = Start(Always(OutcomeClass.Live, talkSeconds: 0.2));
        await using var client = await AriTestClient.ConnectAsync(simulator);

        await client.SendAsync(HttpMethod.Post, "channels?endpoint=PJSIP/5551230001@trunk&app=orchestrator&channelId=cust-1");
        await client.SendAsync(HttpMethod.Post, "channels?endpoint=Local/2001@sim-agents&app=orchestrator&channelId=agent-1&otherChannelId=agent-1b");
        await client.WaitForEventAsync(e => IsStasisStart(e, "cust-1"), "the customer in the app");
        await client.WaitForEventAsync(e => IsStasisStart(e, "agent-1"), "the agent in the app");
        await client.SendAsync(HttpMethod.Post, "bridges?type=mixing&bridgeId=call-1");
        var (added, _) = await client.SendAsync(HttpMethod.Post, "bridges/call-1/addChannel?channel=agent-1,cust-1");
        await client.WaitForEventAsync(e => e.GetProperty("type").GetString() == "ChannelDestroyed" && e.GetProperty("channel").GetProperty("id").GetString() == "cust-1", "the customer hangs up");

        Assert.Equal(204, added);
        var tail = client.EventsOf("cust-1").SkipWhile(t => t != "ChannelEnteredBridge").ToList();
        Assert.Equal(["ChannelEnteredBridge", "ChannelVarset", "ChannelHangupRequest", "ChannelVarset", "ChannelLeftBridge", "StasisEnd", "ChannelVarset", "ChannelDestroyed:16"], tail);
        Assert.Contains(simulator.Control.Channels, c => c.Id == "agent-1" && c.BridgeId == "call-1");
        Assert.Equal(1, simulator.Control.Counters.AnsweredLive);
    }

    [Fact]
    public async Task Control_InjectsEvents_FailsRequests_AndDropsSocketsWithoutEndingCalls()
    {
        await using var simulator = Start(Always(OutcomeClass.Live, talkSeconds: 30));
        await using var client = await AriTestClient.ConnectAsync(simulator);

        Assert.Equal(1, simulator.Control.Inject("{\"type\":\"Injected\",\"application\":\"orchestrator\"}"));
        await client.WaitForEventAsync(e => e.GetProperty("type").GetString() == "Injected", "the injected event");
        simulator.Control.FailRequest("GET /asterisk/ping", 500, "simulated failure", times: 1);
        var failed = await client.SendAsync(HttpMethod.Get, "asterisk/ping");
        var next = await client.SendAsync(HttpMethod.Get, "asterisk/ping");
        await client.SendAsync(HttpMethod.Post, "channels?endpoint=PJSIP/5551230001@trunk&app=orchestrator&channelId=cust-2");
        await client.WaitForEventAsync(e => IsStasisStart(e, "cust-2"), "the customer in the app");
        var dropped = simulator.Control.DropEventSockets();

        Assert.Equal((500, "{\"message\":\"simulated failure\"}"), failed);
        Assert.Equal(200, next.Status);
        Assert.Equal(1, dropped);
        Assert.Contains(simulator.Control.Channels, c => c.Id == "cust-2" && c.State == "Up" && c.Application == "orchestrator");
    }

    [Fact]
    public async Task Restart_RefusesConnections_Then503_ThenAcceptsWithEverythingForgotten()
    {
        await using var simulator = Start(Always(OutcomeClass.Live, talkSeconds: 30));
        await using (var client = await AriTestClient.ConnectAsync(simulator))
        {
            await client.SendAsync(HttpMethod.Post, "channels?endpoint=PJSIP/5551230001@trunk&app=orchestrator&channelId=cust-3");
            await client.WaitForEventAsync(e => IsStasisStart(e, "cust-3"), "the customer in the app");
        }

        var restart = simulator.Control.RestartAsync(TimeSpan.FromMilliseconds(300), startingFor: TimeSpan.FromSeconds(1));
        var refused = await Assert.ThrowsAsync<SocketException>(() => RawConnection.OpenAsync(simulator.Port));
        await restart;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{simulator.Port}/ari/") };
        using var starting = await http.GetAsync(new Uri("asterisk/ping?api_key=orchestrator:ari-secret", UriKind.Relative));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Equal(503, (int)starting.StatusCode);
        Assert.Empty(simulator.Control.Channels);
        Assert.Empty(simulator.Control.Applications);
    }

    private static bool IsStasisStart(JsonElement e, string channel) =>
        e.GetProperty("type").GetString() == "StasisStart" && e.GetProperty("channel").GetProperty("id").GetString() == channel;

    private static AsteriskAriSimulator Start(OutcomeModel model)
    {
        var simulator = new AsteriskAriSimulator(new AsteriskAriSimulatorOptions { Outcomes = model, Seed = 5, AgentAnswerDelay = TimeSpan.FromMilliseconds(50) });
        simulator.Start();
        return simulator;
    }

    private static OutcomeModel Always(OutcomeClass outcome, double talkSeconds = 0.3) => new()
    {
        Outcomes = outcome == OutcomeClass.Machine ? new OutcomeProbabilities(0, 1, 0, 0, 0) : new OutcomeProbabilities(1, 0, 0, 0, 0),
        PickupSeconds = Distribution.Fixed(0.05),
        SignalSeconds = Distribution.Fixed(0.05),
        GreetingSeconds = Distribution.Fixed(0.05),
        Amd = new AmdModel { HumanDecisionAfterGreetingSeconds = 0.05, MachineDecisionSeconds = Distribution.Fixed(0.1), MachineHandlingSeconds = talkSeconds },
        TalkSeconds = Distribution.Fixed(talkSeconds),
        WrapSeconds = Distribution.Fixed(0.1),
    };
}
