using Microsoft.EntityFrameworkCore;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Compliance;
using Orchestrator.Data.Leads;
using Orchestrator.Runtime.Campaigns;
using Orchestrator.Runtime.Observability;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.Switching;
using Xunit.Abstractions;

namespace Orchestrator.Runtime.Tests;

/// <summary>
/// A progressive campaign against the built-in Asterisk simulator over a real AMI socket, with a real
/// SQLite file and the in-memory state store: what the database holds afterwards must tell the whole story.
/// </summary>
public sealed class CampaignEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ProgressiveCampaign_ConnectsCustomersToAgents_AndEveryAttemptEndsWithOneDisposition()
    {
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions());
        await harness.LoginAgentsAsync(3);
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);

        await RuntimeHarness.WaitUntilAsync(
            () => harness.QueryAsync(db => db.Attempts.CountAsync(a => a.Result == AttemptResult.Connected)).ContinueWith(t => t.Result >= 6, TaskScheduler.Default),
            "six calls were connected to agents");
        await StopAndDrainAsync(harness);

        var attempts = await harness.QueryAsync(db => db.Attempts.AsNoTracking().ToListAsync());
        var dispositions = await harness.QueryAsync(db => db.Dispositions.AsNoTracking().ToListAsync());
        var customerOriginates = harness.Simulator.Control.Counters.OriginatesReceived - harness.Simulator.Control.Counters.AgentLegs;

        Assert.Equal(attempts.Count, customerOriginates);
        Assert.All(attempts, a => Assert.NotNull(a.EndedAt));
        Assert.Equal(attempts.Select(a => a.Id).Order(), dispositions.Select(d => d.AttemptId).Order());
        Assert.All(attempts.GroupBy(a => a.LeadId), lead => Assert.Single(lead));
        Assert.All(attempts.Where(a => a.Result == AttemptResult.Connected), a =>
        {
            Assert.NotNull(a.AgentId);
            Assert.True(a.ConnectedAt >= a.AnsweredAt, $"connected {a.ConnectedAt:O} before answered {a.AnsweredAt:O}");
        });

        // Progressive dialing never places more calls than ready agents, so nobody waits in silence.
        Assert.DoesNotContain(attempts, a => a.Result == AttemptResult.Abandoned);
        var counters = await harness.State.Counters.GetAsync(harness.CampaignId, CancellationToken.None);
        Assert.Equal(attempts.Count, counters[RuntimeCounters.Dials]);
        Assert.Equal(attempts.Count(a => a.Result == AttemptResult.Connected), counters[RuntimeCounters.Connects]);
    }

    [Fact]
    public async Task NoAgentFreeWhenACustomerAnswers_PlaysSafeHarbor_AndProtectsTheNumberFor72Hours()
    {
        var slowPickup = HarnessOptions.Fast with { Outcomes = new OutcomeProbabilities(1, 0, 0, 0, 0), PickupSeconds = Distribution.Fixed(1.5) };
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions
        {
            Outcomes = slowPickup,
            Agents = 1,
            Configure = async (db, seed) =>
                await db.Campaigns.Where(c => c.Id == seed.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AbandonThresholdSeconds, 1)),
        });
        await harness.LoginAgentsAsync(1);
        await RuntimeHarness.WaitUntilAsync(async () => harness.Desk.GetAgents(harness.CampaignId).Any(a => a.State == Core.Agents.AgentState.Ready), "the agent is ready");
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);

        // One call is placed for the one ready agent; the agent leaves before the customer picks up.
        await RuntimeHarness.WaitUntilAsync(() => harness.QueryAsync(db => db.Attempts.AnyAsync()), "a call was placed");
        await harness.Desk.PauseAsync(harness.Seed.AgentIds[0], CancellationToken.None);

        await RuntimeHarness.WaitUntilAsync(
            () => harness.QueryAsync(db => db.Attempts.AnyAsync(a => a.Result == AttemptResult.Abandoned)),
            "the call was abandoned");
        await harness.Campaigns.StopCampaignAsync(harness.CampaignId, CancellationToken.None);

        var abandoned = await harness.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Result == AttemptResult.Abandoned));
        var disposition = await harness.QueryAsync(db => db.Dispositions.AsNoTracking().SingleAsync(d => d.AttemptId == abandoned.Id));
        var phone = await harness.QueryAsync(db => db.LeadPhones.AsNoTracking().SingleAsync(p => p.Id == abandoned.LeadPhoneId));
        var lead = await harness.QueryAsync(db => db.Leads.AsNoTracking().SingleAsync(l => l.Id == abandoned.LeadId));

        Assert.Equal(1, harness.Simulator.Control.Counters.SafeHarbors);
        Assert.Equal("DROP", disposition.Code);
        Assert.NotNull(phone.ProtectedUntil);
        Assert.InRange(phone.ProtectedUntil.Value - abandoned.EndedAt!.Value, TimeSpan.FromHours(71.9), TimeSpan.FromHours(72.1));
        Assert.True(lead.NextDialAt >= phone.ProtectedUntil, "the lead must not be redialed before its number's protection ends");
    }

    [Fact]
    public async Task NumbersOnTheDoNotCallList_AreNeverOriginated()
    {
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions
        {
            Leads = 6,
            Configure = async (db, seed) =>
            {
                var numbers = await db.LeadPhones.OrderBy(p => p.LeadId).Take(3).Select(p => p.LeadId).ToListAsync();
                foreach (var number in await db.LeadPhones.Where(p => numbers.Contains(p.LeadId)).Select(p => p.Number).ToListAsync())
                {
                    db.DncEntries.Add(new DncEntry { Number = number, Scope = DncScope.Global, Source = DncSource.National, AddedAt = DateTimeOffset.UnixEpoch });
                }

                await db.SaveChangesAsync();
            },
        });
        var dnc = await harness.QueryAsync(db => db.DncEntries.Select(d => d.Number).ToListAsync());
        await harness.LoginAgentsAsync(3);
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);

        await RuntimeHarness.WaitUntilAsync(
            () => harness.QueryAsync(db => db.Leads.CountAsync(l => l.Status == LeadStatus.OptedOut)).ContinueWith(t => t.Result == 3, TaskScheduler.Default),
            "the three DNC leads were set aside");
        await StopAndDrainAsync(harness);

        var dialed = await harness.QueryAsync(db => db.Attempts.Select(a => a.PhoneNumber).ToListAsync());
        Assert.Empty(dialed.Intersect(dnc));
        Assert.Equal(dialed.Count, harness.Simulator.Control.Counters.OriginatesReceived - harness.Simulator.Control.Counters.AgentLegs);
    }

    [Fact]
    public async Task CallingWindowClosedEverywhere_PlacesNoCall_AndSaysWhy()
    {
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions
        {
            Leads = 10,
            Configure = async (db, seed) =>
            {
                var campaign = await db.Campaigns.SingleAsync(c => c.Id == seed.CampaignId);
                campaign.CallingWindow = new CallingWindowSettings(new TimeOnly(9, 0), new TimeOnly(17, 0), CallingDays.None);
                await db.SaveChangesAsync();
            },
        });
        await harness.LoginAgentsAsync(2);
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);

        await RuntimeHarness.WaitUntilAsync(
            () => Task.FromResult(harness.Campaigns.GetStatus(harness.CampaignId) is { State: CampaignRunState.Waiting, WaitingReason: var reason } && reason!.Contains("calling window", StringComparison.Ordinal)),
            "the campaign says it waits for a calling window");

        Assert.Equal(0, await harness.QueryAsync(db => db.Attempts.CountAsync()));
        Assert.Equal(harness.Simulator.Control.Counters.AgentLegs, harness.Simulator.Control.Counters.OriginatesReceived);
    }

    [Fact]
    public async Task SwitchConnectionDropped_WhileCallsAreUp_IsReconciled_WithoutDialingAnyLeadTwice()
    {
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions());
        await harness.LoginAgentsAsync(3);
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(
            () => harness.QueryAsync(db => db.Attempts.CountAsync()).ContinueWith(t => t.Result >= 5, TaskScheduler.Default),
            "five calls were placed");

        var generation = harness.Simulator.Control.Counters.ConnectionsAccepted;
        harness.Simulator.Control.DropConnections();
        await RuntimeHarness.WaitUntilAsync(
            () => Task.FromResult(harness.Simulator.Control.Counters.ConnectionsAccepted > generation && harness.Switch.State == SwitchConnectionState.Ready),
            "the adapter reconnected");
        await RuntimeHarness.WaitUntilAsync(
            () => harness.QueryAsync(db => db.Attempts.CountAsync(a => a.Result == AttemptResult.Connected)).ContinueWith(t => t.Result >= 4, TaskScheduler.Default),
            "calls keep connecting after the reconnect");
        await StopAndDrainAsync(harness);

        var attempts = await harness.QueryAsync(db => db.Attempts.AsNoTracking().ToListAsync());
        Assert.All(attempts, a => Assert.NotNull(a.EndedAt));
        Assert.All(attempts.GroupBy(a => a.LeadId), lead => Assert.Single(lead));
        Assert.Equal(attempts.Count, harness.Simulator.Control.Counters.OriginatesReceived - harness.Simulator.Control.Counters.AgentLegs);
    }

    internal static async Task StopAndDrainAsync(RuntimeHarness harness)
    {
        await harness.Campaigns.StopCampaignAsync(harness.CampaignId, CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(
            () => Task.FromResult(harness.Campaigns.GetStatus(harness.CampaignId)?.State == CampaignRunState.Stopped),
            "the campaign stopped with every call ended");
        await RuntimeHarness.WaitUntilAsync(
            () => harness.QueryAsync(async db => await db.Dispositions.CountAsync() == await db.Attempts.CountAsync()),
            "every attempt has its disposition");
    }
}
