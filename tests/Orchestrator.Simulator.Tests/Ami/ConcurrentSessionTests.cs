using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Ami;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Simulator.Tests.Support;
using static Orchestrator.Simulator.Tests.Support.CallScript;

namespace Orchestrator.Simulator.Tests.Ami;

/// <summary>Many sessions at once: every one sees every event, whole and in the same order.</summary>
public sealed class ConcurrentSessionTests
{
    [Fact]
    public async Task TwentySessions_SeeTheSameEventsInTheSameOrder_WhileActionsInterleave()
    {
        await using var h = Harness(Model(live: 0.4, busy: 0.3, noAnswer: 0.3));
        var sessions = new List<AmiTestClient>();
        for (var i = 0; i < 20; i++)
        {
            sessions.Add(await h.LoginAsync());
        }

        foreach (var (session, i) in sessions.Select((s, i) => (s, i)))
        {
            await h.SendAsync(session, Customer($"att-{i}", timeoutMs: 5000));
        }

        h.Advance(TimeSpan.FromSeconds(40));
        var sequences = new List<List<string>>();
        foreach (var session in sessions)
        {
            var mine = new AmiAction("Ping");
            await h.SendAsync(session, mine);
            var (_, before) = await session.ReadUntilAsync(m => m.ActionId == mine.ActionId);
            sequences.Add([.. before.Where(m => m.Kind == AmiMessageKind.Event && m.EventName != "SuccessfulAuth").Select(m => $"{m.EventName} {m["Uniqueid"]} {m["Channel"]}")]);
        }

        Assert.True(sequences[0].Count > 100);
        Assert.All(sequences, s => Assert.Equal(sequences[0], s));
        Assert.Equal(20, sequences[0].Count(e => e.StartsWith("OriginateResponse", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnTheSystemClock_ACallRunsToItsEnd()
    {
        var model = Model(live: 1) with { PickupSeconds = Distribution.Fixed(0.05), TalkSeconds = Distribution.Fixed(0.05) };
        await using var simulator = new AsteriskAmiSimulator(new AsteriskAmiSimulatorOptions { Outcomes = model, CustomerParkLimit = TimeSpan.FromMilliseconds(100), SafeHarborPlayback = TimeSpan.FromMilliseconds(50) });
        simulator.Start();
        await using var ami = await AmiTestClient.ConnectAndGreetAsync(simulator.Port);
        await ami.SendAsync(new AmiAction("Login").Add("Username", "orchestrator").Add("Secret", "secret"));
        await ami.SendAsync(Customer("att-real"));

        var (hangup, before) = await ami.ReadUntilAsync(m => Is(m, "Hangup", "att-real"));

        Assert.Contains(before, m => m.EventName == "OriginateResponse" && m["Reason"] == "4");
        Assert.Contains(before, m => Is(m, "Newexten", "att-real") && m["Context"] == "orchestrator-safe-harbor");
        Assert.Equal("16", hangup["Cause"]);
    }
}
