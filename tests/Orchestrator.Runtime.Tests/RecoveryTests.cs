using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Agents;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Leads;
using Xunit.Abstractions;

namespace Orchestrator.Runtime.Tests;

/// <summary>Nothing accepted is lost when an instance stops or dies at a bad moment.</summary>
public sealed class RecoveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AttemptLeftOpenByADeadInstance_IsSettledWhenTheLeaseIsTaken_AndItsLeadGoesBackToTheQueue()
    {
        var orphan = Guid.CreateVersion7();
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions
        {
            Leads = 5,
            Configure = async (db, seed) => await AddAttemptOfTheFirstLeadAsync(db, seed.CampaignId, orphan),
        });

        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(() => harness.QueryAsync(db => db.Dispositions.AnyAsync(d => d.AttemptId == orphan)), "the orphaned attempt was settled");

        var attempt = await harness.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == orphan));
        var lead = await harness.QueryAsync(db => db.Leads.AsNoTracking().SingleAsync(l => l.Id == attempt.LeadId));
        Assert.NotNull(attempt.EndedAt);
        Assert.Equal(AttemptResult.Failed, attempt.Result);
        Assert.Equal(LeadStatus.New, lead.Status);
    }

    [Fact]
    public async Task CallInFlightOfADeadInstance_ThatTheSwitchNoLongerHas_IsSettledWhenTheLeaseIsTaken()
    {
        var orphan = Core.Attempts.AttemptId.New(TimeProvider.System);
        long leadId = 0;
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions
        {
            Leads = 5,
            Configure = async (db, seed) => leadId = await AddAttemptOfTheFirstLeadAsync(db, seed.CampaignId, orphan.Value),
        });

        // The dead instance's call is still registered in the shared state, but the switch has no such channel.
        await harness.State.Calls.AddAsync(new State.CallInFlight(orphan, harness.CampaignId, leadId, "+15550000000", State.CallStage.Ringing, DateTimeOffset.UnixEpoch, null), CancellationToken.None);
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(() => harness.QueryAsync(db => db.Dispositions.AnyAsync(d => d.AttemptId == orphan.Value)), "the dead instance's call was settled");

        Assert.Null(await harness.State.Calls.GetAsync(orphan, CancellationToken.None));
        var attempt = await harness.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == orphan.Value));
        Assert.Equal(AttemptResult.Failed, attempt.Result);
    }

    [Fact]
    public async Task AgentLoggingOutDuringWrapUp_LeavesASystemDisposition_SoTheLeadMovesOn()
    {
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions { Agents = 1, Outcomes = HarnessOptions.Fast with { Outcomes = new Simulator.Outcomes.OutcomeProbabilities(1, 0, 0, 0, 0) } });
        harness.AgentsDisposition = false;
        await harness.LoginAgentsAsync(1);
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);
        var agentId = harness.Seed.AgentIds[0];
        await RuntimeHarness.WaitUntilAsync(() => Task.FromResult(harness.Desk.GetAgent(agentId)?.State == AgentState.WrapUp), "the agent is wrapping up a call");

        var attempt = harness.Desk.GetAgent(agentId)!.Attempt!.Value;
        await harness.Desk.LogoutAsync(agentId, CancellationToken.None);

        var disposition = await harness.QueryAsync(db => db.Dispositions.AsNoTracking().SingleAsync(d => d.AttemptId == attempt.Value));
        var lead = await harness.QueryAsync(db => db.Leads.AsNoTracking().SingleAsync(l => l.Id == disposition.LeadId));
        Assert.Equal("NODISP", disposition.Code);
        Assert.Equal(LeadStatus.New, lead.Status);
    }

    [Fact]
    public async Task AbandonedAttemptEndedWithoutItsDrop_IsDispositionedWhenTheLeaseIsTaken_AndItsNumberProtected()
    {
        // Written by a version that ended an attempt and recorded its system disposition in two steps, and stopped between.
        var broken = Guid.CreateVersion7();
        var endedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions
        {
            Leads = 5,
            Configure = async (db, seed) => await AddAttemptOfTheFirstLeadAsync(db, seed.CampaignId, broken, a =>
            {
                a.CreatedAt = endedAt.AddSeconds(-30);
                a.DialedAt = a.CreatedAt;
                a.AnsweredAt = endedAt.AddSeconds(-3);
                a.EndedAt = endedAt;
                a.Result = AttemptResult.Abandoned;
                a.HangupCause = Core.Calls.HangupCause.HungUpByOrchestrator;
            }),
        });

        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(() => harness.QueryAsync(db => db.Dispositions.AnyAsync(d => d.AttemptId == broken)), "the broken attempt was dispositioned");

        var disposition = await harness.QueryAsync(db => db.Dispositions.AsNoTracking().SingleAsync(d => d.AttemptId == broken));
        var lead = await harness.QueryAsync(db => db.Leads.AsNoTracking().Include(l => l.Phones).SingleAsync(l => l.Id == disposition.LeadId));
        Assert.Equal("DROP", disposition.Code);
        Assert.NotEqual(LeadStatus.InProgress, lead.Status);
        Assert.True(lead.Phones.OrderBy(p => p.Id).First().ProtectedUntil > DateTimeOffset.UtcNow.AddHours(71), "the abandoned number is protected for 72 hours");
    }

    [Fact]
    public async Task WhenTheDatabaseRefusesACallsEnd_TheEndIsKeptAndWrittenOnceItAcceptsAgain_AndTheLeadStaysInProgressMeanwhile()
    {
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions
        {
            Agents = 1,
            Leads = 20,
            Outcomes = HarnessOptions.Fast with { Outcomes = new Simulator.Outcomes.OutcomeProbabilities(0, 0, 0, 1, 0) }, // every number busy
            Configure = async (db, seed) =>
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_dispositions BEFORE INSERT ON Dispositions BEGIN SELECT RAISE(ABORT, 'injected: the disk is full'); END;"),
        });
        await harness.LoginAgentsAsync(1);
        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);

        // Calls end at the switch, but no end can be written: each stays unended, its lead in progress.
        await RuntimeHarness.WaitUntilAsync(
            async () => (await harness.State.Counters.GetAsync(harness.CampaignId, CancellationToken.None)).GetValueOrDefault(Observability.RuntimeCounters.Busies) >= 2,
            "two calls ended busy");
        Assert.Equal(0, await harness.QueryAsync(db => db.Attempts.CountAsync(a => a.EndedAt != null)));
        Assert.Equal(0, await harness.QueryAsync(db => db.Dispositions.CountAsync()));
        Assert.All(
            await harness.QueryAsync(db => db.Leads.Where(l => db.Attempts.Any(a => a.LeadId == l.Id)).Select(l => l.Status).ToListAsync()),
            status => Assert.Equal(LeadStatus.InProgress, status));

        await harness.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_dispositions;"));
        await CampaignEndToEndTests.StopAndDrainAsync(harness);

        var attempts = await harness.QueryAsync(db => db.Attempts.AsNoTracking().ToListAsync());
        var dispositions = await harness.QueryAsync(db => db.Dispositions.AsNoTracking().ToListAsync());
        Assert.All(attempts, a => Assert.Equal(AttemptResult.Busy, a.Result));
        Assert.Equal(attempts.Select(a => a.Id).Order(), dispositions.Select(d => d.AttemptId).Order());
        Assert.All(attempts.GroupBy(a => a.LeadId), lead => Assert.Single(lead)); // nobody was dialed twice meanwhile
    }

    [Fact]
    public async Task AnsweredCallOfADeadInstance_NeverConnected_IsSettledAsAbandoned_AndItsNumberProtected()
    {
        // How it ended is unknown: a person answered and no agent was connected, so the safe assumption is abandoned.
        var orphan = Guid.CreateVersion7();
        await using var harness = await RuntimeHarness.StartAsync(output, new HarnessOptions
        {
            Leads = 5,
            Configure = async (db, seed) => await AddAttemptOfTheFirstLeadAsync(db, seed.CampaignId, orphan, a => a.AnsweredAt = DateTimeOffset.UnixEpoch.AddSeconds(5)),
        });

        await harness.Campaigns.StartCampaignAsync(harness.CampaignId, CancellationToken.None);
        await RuntimeHarness.WaitUntilAsync(() => harness.QueryAsync(db => db.Dispositions.AnyAsync(d => d.AttemptId == orphan)), "the orphaned attempt was settled");

        var attempt = await harness.QueryAsync(db => db.Attempts.AsNoTracking().SingleAsync(a => a.Id == orphan));
        var disposition = await harness.QueryAsync(db => db.Dispositions.AsNoTracking().SingleAsync(d => d.AttemptId == orphan));
        var phone = await harness.QueryAsync(db => db.LeadPhones.AsNoTracking().SingleAsync(p => p.Id == attempt.LeadPhoneId));
        Assert.Equal(AttemptResult.Abandoned, attempt.Result);
        Assert.Equal("DROP", disposition.Code);
        Assert.True(phone.ProtectedUntil > DateTimeOffset.UtcNow.AddHours(71), "the number is protected for 72 hours");
    }

    /// <summary>Puts the first lead in progress with one attempt row, as a dead instance (or an older version) left it; returns the lead's id.</summary>
    private static async Task<long> AddAttemptOfTheFirstLeadAsync(Data.OrchestratorDbContext db, long campaignId, Guid attemptId, Action<Attempt>? shape = null)
    {
        var lead = await db.Leads.Include(l => l.Phones).OrderBy(l => l.Id).FirstAsync();
        lead.Status = LeadStatus.InProgress;
        lead.AttemptCount = 1;
        var attempt = new Attempt
        {
            Id = attemptId,
            CampaignId = campaignId,
            LeadId = lead.Id,
            LeadPhoneId = lead.Phones.First().Id,
            PhoneNumber = lead.Phones.First().Number,
            CreatedAt = DateTimeOffset.UnixEpoch,
            DialedAt = DateTimeOffset.UnixEpoch,
            Result = AttemptResult.Dialing,
        };
        shape?.Invoke(attempt);
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync();
        return lead.Id;
    }
}
