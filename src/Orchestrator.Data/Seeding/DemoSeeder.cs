using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Campaigns;
using Orchestrator.Core.Dispositions;
using Orchestrator.Data.Agents;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Dispositions;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Projects;
using Orchestrator.Data.Questionnaires;
using Orchestrator.Data.Telephony;

namespace Orchestrator.Data.Seeding;

/// <summary>
/// Fills an empty database with a runnable demo: a project with its dispositions and questionnaire, the
/// simulator trunk, agents, a list of leads and a running progressive campaign. Idempotent: when the demo
/// project exists it adds nothing and returns the existing ids.
/// </summary>
public static class DemoSeeder
{
    public static async Task<DemoSeedResult> EnsureSeededAsync(
        OrchestratorDbContext db, TimeProvider time, DemoSeedOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var existing = await FindAsync(db, options, ct);
        if (existing is not null)
        {
            return existing;
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // All or nothing, and retried as a whole where the provider retries (SQL Server with retries on).
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(
                (db, time, options),
                static async (_, state, token) =>
                {
                    state.db.ChangeTracker.Clear();
                    await using var transaction = await state.db.Database.BeginTransactionAsync(token);
                    var result = await SeedAsync(state.db, state.time.GetUtcNow(), state.options, token);
                    await transaction.CommitAsync(token);
                    return result;
                },
                verifySucceeded: null,
                ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static async Task<DemoSeedResult?> FindAsync(OrchestratorDbContext db, DemoSeedOptions options, CancellationToken ct)
    {
        var projectId = await db.Projects.Where(p => p.Name == options.ProjectName).Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
        if (projectId is null)
        {
            return null;
        }

        var campaignId = await db.Campaigns.Where(c => c.ProjectId == projectId && c.Name == DemoData.CampaignName)
            .Select(c => c.Id).SingleOrDefaultAsync(ct);
        var listId = await db.ContactLists.Where(l => l.ProjectId == projectId && l.Name == DemoData.ListName)
            .Select(l => l.Id).SingleOrDefaultAsync(ct);
        var agentIds = await db.Agents.Where(a => a.Team != null && a.Team.Name == DemoData.TeamName)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        return new DemoSeedResult(false, projectId.Value, campaignId, listId, agentIds);
    }

    private static async Task<DemoSeedResult> SeedAsync(
        OrchestratorDbContext db, DateTimeOffset now, DemoSeedOptions options, CancellationToken ct)
    {
        var project = new Project
        {
            Name = options.ProjectName,
            Description = "Seeded demo: a progressive campaign against the call simulator.",
            ClosureRules = ClosureRules.Default,
            CreatedAt = now,
        };
        AddDispositionDefinitions(project);

        var questionnaire = new Questionnaire { Name = "Demo survey", CreatedAt = now };
        questionnaire.Versions.Add(new QuestionnaireVersion
        {
            Version = 1,
            Definition = DemoData.QuestionnaireDefinition,
            PublishedAt = now,
            CreatedAt = now,
        });
        project.Questionnaires.Add(questionnaire);

        var trunk = new Trunk { Name = DemoData.TrunkName, DialStringTemplate = "Local/{digits}@sim-customers", MaxChannels = 200 };
        var pool = new CallerIdPool { Name = "Demo caller IDs" };
        pool.Numbers.Add(new CallerIdNumber { Number = "+18005550100", Name = "Demo Co", AreaCode = "800" });
        pool.Numbers.Add(new CallerIdNumber { Number = "+18005550101", Name = "Demo Co", AreaCode = "800" });

        var team = new Team { Name = DemoData.TeamName };
        team.Skills.Add("sales");
        team.Skills.Add("spanish");
        var agents = CreateAgents(options.AgentCount, team, now);

        var list = new ContactList
        {
            Name = DemoData.ListName,
            SourceFileName = "demo-generated.csv",
            ImportedAt = now,
            LeadCount = options.LeadCount,
        };
        project.ContactLists.Add(list);

        var campaign = new Campaign
        {
            Name = DemoData.CampaignName,
            Description = "One call per ready agent, all day, against the simulator.",
            DialMode = DialMode.Progressive,
            Status = CampaignStatus.Running,
            CallingWindow = CallingWindowSettings.AllDay,
            AbandonCapPercent = 3,
            AbandonThresholdSeconds = 2,
            RingTimeoutSeconds = 25,
            SafeHarborPrompt = "sound:safe-harbor",
            CreatedAt = now,
        };
        campaign.Lists.Add(new CampaignList { ContactList = list, Priority = 0, IsActive = true, AddedAt = now });
        project.Campaigns.Add(campaign);

        db.AddRange(project, trunk, pool, team);
        await db.SaveChangesAsync(ct);

        // Foreign keys without navigations, now that the ids exist.
        campaign.TrunkId = trunk.Id;
        campaign.CallerIdPoolId = pool.Id;
        campaign.QuestionnaireId = questionnaire.Id;
        db.Entry(campaign).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);

        var result = new DemoSeedResult(true, project.Id, campaign.Id, list.Id, agents.Select(a => a.Id).ToList());
        db.ChangeTracker.Clear();

        await AddLeadsAsync(db, list.Id, now, options, ct);
        return result;
    }

    private static void AddDispositionDefinitions(Project project)
    {
        (string Code, string Label, DispositionOutcome Outcome)[] agentCodes =
        [
            ("SALE", "Sale", DispositionOutcome.Success),
            ("NOINT", "Not interested", DispositionOutcome.Refused),
            ("CALLBK", "Call back", DispositionOutcome.Callback),
            ("WRONG", "Wrong number", DispositionOutcome.WrongNumber),
            ("DNC", "Do not call", DispositionOutcome.OptOut),
        ];

        var order = 0;
        foreach (var (code, label, outcome) in agentCodes)
        {
            project.DispositionDefinitions.Add(new DispositionDefinition
            {
                Code = code,
                Label = label,
                Outcome = outcome,
                RequiresCallbackTime = outcome == DispositionOutcome.Callback,
                SortOrder = ++order,
            });
        }

        foreach (var (code, label, outcome) in SystemDisposition.All)
        {
            project.DispositionDefinitions.Add(new DispositionDefinition
            {
                Code = code,
                Label = label,
                Outcome = outcome,
                IsSystem = true,
                SortOrder = 100 + ++order,
            });
        }
    }

    private static List<Agent> CreateAgents(int count, Team team, DateTimeOffset now)
    {
        var agents = new List<Agent>(count);
        for (var i = 0; i < count; i++)
        {
            var extension = DemoData.FirstAgentExtension + i;
            var agent = new Agent
            {
                Login = DemoData.AgentLogin(extension),
                DisplayName = FormattableString.Invariant($"Agent {extension}"),
                Endpoint = FormattableString.Invariant($"Local/{extension}@sim-agents"),
                CreatedAt = now,
            };
            agent.Skills.Add(new AgentSkill { Skill = "sales", Level = 1 + (i % 3) });
            if (i % 2 == 1)
            {
                agent.Skills.Add(new AgentSkill { Skill = "spanish", Level = 1 });
            }

            team.Agents.Add(agent);
            agents.Add(agent);
        }

        return agents;
    }

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Deterministic demo data, not a secret.")]
    private static async Task AddLeadsAsync(
        OrchestratorDbContext db, long listId, DateTimeOffset now, DemoSeedOptions options, CancellationToken ct)
    {
        var random = new Random(options.Seed);
        var usedNumbers = new HashSet<int>();
        var batch = new List<Lead>(options.BatchSize);

        for (var i = 1; i <= options.LeadCount; i++)
        {
            var first = DemoData.FirstNames[random.Next(DemoData.FirstNames.Length)];
            var last = DemoData.LastNames[random.Next(DemoData.LastNames.Length)];
            var lead = new Lead
            {
                ContactListId = listId,
                ExternalRef = string.Create(CultureInfo.InvariantCulture, $"DEMO-{i:D6}"),
                FirstName = first,
                LastName = last,
                Email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{i}@example.com").ToLowerInvariant(),
                TimeZoneId = DemoData.TimeZones[random.Next(DemoData.TimeZones.Length)],
                NextDialAt = now,
                CreatedAt = now,
            };
            lead.CustomFields["segment"] = random.Next(2) == 0 ? "A" : "B";
            if (i % 10 == 0)
            {
                lead.Tags.Add(new LeadTag { Tag = "vip" });
            }

            var phones = random.Next(3) == 0 ? 2 : 1;
            for (var p = 0; p < phones; p++)
            {
                lead.Phones.Add(new LeadPhone
                {
                    Number = NewNumber(random, usedNumbers),
                    Kind = p == 0 ? PhoneKind.Mobile : PhoneKind.Landline,
                    Priority = p,
                });
            }

            batch.Add(lead);
            if (batch.Count == options.BatchSize || i == options.LeadCount)
            {
                db.Leads.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                batch.Clear();
            }
        }
    }

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Deterministic demo data, not a secret.")]
    private static string NewNumber(Random random, HashSet<int> used)
    {
        int subscriber;
        do
        {
            subscriber = random.Next(10_000_000);
        }
        while (!used.Add(subscriber));

        return string.Create(CultureInfo.InvariantCulture, $"+1555{subscriber:D7}");
    }
}
