using System.Text;
using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Tests.Support;

namespace Orchestrator.Simulator.Tests.Ami;

/// <summary>Manager behaviours the recordings do not show but Asterisk has.</summary>
public sealed class ProtocolEdgeTests
{
    [Fact]
    public async Task ActionHeaderNotFirst_IsStillTheAction()
    {
        await using var h = new SimulatorHarness();
        var ami = await h.LoginAsync("off");

        await ami.SendRawAsync(Encoding.ASCII.GetBytes("ActionID: first\r\nAction: Ping\r\n\r\n\r\n\r\nActionID: second\r\nFoo: bar\r\n\r\n"));

        var pong = await ami.ReadAsync();
        var missing = await ami.ReadAsync();
        Assert.Equal(("first", "Pong"), (pong.ActionId, pong["Ping"]));
        Assert.Equal(("second", "Missing action in request"), (missing.ActionId, missing["Message"]));
    }

    [Fact]
    public async Task Setvar_ThenGetvar_OnAChannel_AndGlobally()
    {
        await using var h = CallScript.Harness(CallScript.Model(live: 1));
        var ami = await h.LoginAsync("off");
        await h.SendAsync(ami, CallScript.Customer("att-v"));
        var channel = h.Simulator.Control.Channels.Single(c => c.Uniqueid == "att-v").Name;

        var set = new AmiAction("Setvar").Add("Channel", channel).Add("Variable", "DISPO").Add("Value", "sale");
        await ami.SendAsync(set);
        Assert.Equal("Variable Set", (await ami.ReadResponseAsync(set.ActionId!))["Message"]);
        var get = new AmiAction("Getvar").Add("Channel", channel).Add("Variable", "DISPO");
        await ami.SendAsync(get);
        var value = await ami.ReadResponseAsync(get.ActionId!);
        var global = new AmiAction("Setvar").Add("Variable", "G").Add("Value", "1");
        await ami.SendAsync(global);
        await ami.ReadResponseAsync(global.ActionId!);
        var getGlobal = new AmiAction("Getvar").Add("Variable", "G");
        await ami.SendAsync(getGlobal);

        Assert.Equal(("DISPO", "sale"), (value["Variable"], value["Value"]));
        Assert.Equal("1", (await ami.ReadResponseAsync(getGlobal.ActionId!))["Value"]);
    }

    [Fact]
    public async Task EventMask_ByClass_PassesOnlyThoseClasses()
    {
        await using var h = CallScript.Harness(CallScript.Model(live: 1));
        var ami = await h.LoginAsync("off");
        var events = new AmiAction("Events").Add("EventMask", "dialplan");
        await ami.SendAsync(events);
        Assert.Equal("On", (await ami.ReadResponseAsync(events.ActionId!))["Events"]);

        await h.SendAsync(ami, CallScript.Customer("att-m"));
        h.Advance(TimeSpan.FromSeconds(2));
        var ping = new AmiAction("Ping");
        await h.SendAsync(ami, ping);
        var (_, before) = await ami.ReadUntilAsync(m => m.ActionId == ping.ActionId);

        Assert.Contains(before, m => m.Kind == AmiMessageKind.Event);
        Assert.All(before.Where(m => m.Kind == AmiMessageKind.Event), m => Assert.Equal("dialplan,all", m["Privilege"]));
    }

    [Fact]
    public async Task Md5Login_WithAWrongKey_FailsAfterTheDelay_AndReportsTheChallenge()
    {
        await using var h = new SimulatorHarness();
        var watcher = await h.LoginAsync();
        var ami = await h.ConnectAsync();
        var challenge = new AmiAction("Challenge").Add("AuthType", "MD5");
        await ami.SendAsync(challenge);
        var issued = (await ami.ReadResponseAsync(challenge.ActionId!))["Challenge"];
        var login = new AmiAction("Login").Add("AuthType", "MD5").Add("Username", "orchestrator").Add("Key", new string('0', 32));
        await h.SendAsync(ami, login);

        var alarm = (await watcher.ReadUntilAsync(m => m.EventName == "InvalidPassword")).Match;
        Assert.Equal((issued, issued), (alarm["Challenge"], alarm["ReceivedChallenge"]));
        Assert.Empty(ami.Drain());
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Authentication failed", (await ami.ReadAsync())["Message"]);
        await ami.ExpectClosedAsync();
    }

    [Fact]
    public async Task UnknownUser_GetsInvalidAccountId()
    {
        await using var h = new SimulatorHarness();
        var watcher = await h.LoginAsync();
        var ami = await h.ConnectAsync();
        await h.SendAsync(ami, new AmiAction("Login").Add("Username", "mallory").Add("Secret", "secret"));

        var alarm = (await watcher.ReadUntilAsync(m => m.EventName == "InvalidAccountID")).Match;

        Assert.Equal("mallory", alarm["AccountID"]);
    }

    [Fact]
    public async Task Originate_ToAnExtensionThatDoesNotExist_IsRefused()
    {
        await using var h = new SimulatorHarness();
        var ami = await h.LoginAsync("off");
        var originate = new AmiAction("Originate").Add("Channel", "PJSIP/5550100@trunk").Add("Context", "nowhere").Add("Exten", "s").Add("Priority", "1").Add("Async", "true");
        await ami.SendAsync(originate);

        Assert.Equal("Extension does not exist.", (await ami.ReadResponseAsync(originate.ActionId!))["Message"]);
    }
}
