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
            Configure = async (db, seed) =>
            {
                var lead = await db.Leads.Include(l => l.Phones).OrderBy(l => l.Id).FirstAsync();
                lead.Status = LeadStatus.InProgress;
                lead.AttemptCount = 1;
                db.Attempts.Add(new Attempt
                {
                    Id = orphan,
                    CampaignId = seed.CampaignId,
                    LeadId = lead.Id,
                    LeadPhoneId = lead.Phones.First().Id,
                    PhoneNumber = lead.Phones.First().Number,
                    CreatedAt = DateTimeOffset.UnixEpoch,
                    DialedAt = DateTimeOffset.UnixEpoch,
                    Result = AttemptResult.Dialing,
                });
                await db.SaveChangesAsync();
            },
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
            Configure = async (db, seed) =>
            {
                var lead = await db.Leads.Include(l => l.Phones).OrderBy(l => l.Id).FirstAsync();
                leadId = lead.Id;
                lead.Status = LeadStatus.InProgress;
                db.Attempts.Add(new Attempt
                {
                    Id = orphan.Value,
                    CampaignId = seed.CampaignId,
                    LeadId = lead.Id,
                    LeadPhoneId = lead.Phones.First().Id,
                    PhoneNumber = lead.Phones.First().Number,
                    CreatedAt = DateTimeOffset.UnixEpoch,
                    Result = AttemptResult.Dialing,
                });
                await db.SaveChangesAsync();
            },
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
}
