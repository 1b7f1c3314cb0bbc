using System.Net.Sockets;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Tests.Support;
using static Orchestrator.Simulator.Tests.Support.CallScript;

namespace Orchestrator.Simulator.Tests.Control;

/// <summary>The control surface a test holds: cut connections, slow or fail actions, restart, inject, inspect.</summary>
public sealed class SimulatorControlTests
{
    [Fact]
    public async Task DropConnections_CutsEveryClient_CallsGoOn_NewClientsAreAccepted()
    {
        await using var h = Harness(Model(live: 1));
        var first = await h.LoginAsync();
        var second = await h.LoginAsync("off");
        await h.SendAsync(first, Customer("att-d"));

        Assert.Equal(2, h.Simulator.Control.DropConnections());

        await first.ExpectClosedAsync(skipMessages: true);
        await second.ExpectClosedAsync(skipMessages: true);
        Assert.Equal(2, h.Simulator.Control.Channels.Count);
        var third = await h.LoginAsync();
        h.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("att-d", (await third.ReadUntilAsync(m => m.EventName == "OriginateResponse")).Match["Uniqueid"]);
    }

    [Fact]
    public async Task DropConnection_CutsOnlyThatSession()
    {
        await using var h = Harness(Model(live: 1));
        var first = await h.LoginAsync();
        var second = await h.LoginAsync();
        var sessions = h.Simulator.Control.Sessions;
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.True(s.Authenticated));

        Assert.True(h.Simulator.Control.DropConnection(sessions[0].Id));

        await first.ExpectClosedAsync(skipMessages: true);
        var ping = new AmiAction("Ping");
        await second.SendAsync(ping);
        Assert.Equal("Pong", (await second.ReadResponseAsync(ping.ActionId!))["Ping"]);
    }

    [Fact]
    public async Task DelayAction_AnswersOnlyWhenTheClockHasMoved()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync("off");
        h.Simulator.Control.DelayAction("Ping", TimeSpan.FromSeconds(5));
        var ping = new AmiAction("Ping");
        await h.SendAsync(ami, ping);
        h.Advance(TimeSpan.FromSeconds(4.9));
        var status = new AmiAction("CoreSettings");
        await ami.SendAsync(status);
        Assert.Empty(ami.Drain());

        h.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(ping.ActionId, (await ami.ReadAsync()).ActionId);
        Assert.Equal(status.ActionId, (await ami.ReadAsync()).ActionId);
    }

    [Fact]
    public async Task FailAction_AnswersError_ForAsManyActionsAsAsked()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync("off");
        h.Simulator.Control.FailAction("Originate", "Originate failed", times: 1);

        var failed = Customer("att-x");
        await h.SendAsync(ami, failed);
        var reply = await ami.ReadResponseAsync(failed.ActionId!);
        var next = Customer("att-y");
        await h.SendAsync(ami, next);
        var accepted = await ami.ReadResponseAsync(next.ActionId!);

        Assert.Equal(("Error", "Originate failed"), (reply.ResponseStatus, reply["Message"]));
        Assert.Equal("Originate successfully queued", accepted["Message"]);
        Assert.Equal(2, h.Simulator.Control.Channels.Count);
    }

    [Fact]
    public async Task Restart_DropsEverything_RefusesConnections_ThenBootsFresh()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync();
        await h.SendAsync(ami, Customer("att-r"));
        h.Advance(TimeSpan.FromMinutes(5));

        var restart = h.Simulator.Control.RestartAsync(TimeSpan.FromSeconds(10), graceful: true);

        Assert.Equal("Shutdown", (await ami.ReadUntilAsync(m => m.EventName == "Shutdown")).Match.EventName);
        await ami.ExpectClosedAsync(skipMessages: true);
        Assert.Empty(h.Simulator.Control.Channels);
        await Assert.ThrowsAnyAsync<SocketException>(() => AmiTestClient.ConnectAsync(h.Simulator.Port));

        h.Advance(TimeSpan.FromSeconds(10));
        await restart.WaitAsync(AmiTestClient.Patience);
        var again = await h.ConnectAsync();
        var login = new AmiAction("Login").Add("Username", "orchestrator").Add("Secret", "secret");
        await again.SendAsync(login);
        await again.ReadResponseAsync(login.ActionId!);
        var booted = await again.ReadAsync();

        Assert.Equal(("FullyBooted", "0"), (booted.EventName, booted["Uptime"]));
    }

    [Fact]
    public async Task Inject_DeliversTheMessageVerbatim_ToLoggedInSessions()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync("off");
        var stranger = await h.ConnectAsync();
        var injected = new AmiMessageBuilder().Add("Event", "UserEvent").Add("Privilege", "user,all").Add("UserEvent", "OrchTest").Add("Weird", "").Build();

        Assert.Equal(1, h.Simulator.Control.Inject(injected));

        Assert.Equal(injected.ToWireBytes(), (await ami.ReadAsync()).ToWireBytes());
        Assert.Empty(stranger.Drain());
        var sessionId = h.Simulator.Control.Sessions.Single(s => !s.Authenticated).Id;
        Assert.True(h.Simulator.Control.Inject(sessionId, injected));
        Assert.Equal("OrchTest", (await stranger.ReadAsync())["UserEvent"]);
    }

    [Fact]
    public async Task Counters_And_Channels_DescribeTheCalls()
    {
        await using var h = Harness(Model(live: 1));
        var ami = await h.LoginAsync("off");
        await h.SendAsync(ami, Customer("att-c1"));
        await h.SendAsync(ami, Agent("1003", "agent-1003-s1"));
        h.Advance(TimeSpan.FromSeconds(2));

        var control = h.Simulator.Control;
        Assert.Equal((2, 1, 1), (control.Counters.OriginatesReceived, control.Counters.AnsweredLive, control.Counters.AgentLegs));
        var customer = control.Channels.Single(c => c.Uniqueid == "att-c1");
        Assert.Equal(("Up", "orchestrator-customer", "Wait", "att-c1"), (customer.StateDescription, customer.Context, customer.Application, customer.Variables["ORCH_LEG"]));
        Assert.Equal("att-c1", control.Channels.Single(c => c.Uniqueid == "att-c1;2").Linkedid);
    }
}
