using Microsoft.EntityFrameworkCore;
using Orchestrator.Core.Agents;
using Orchestrator.Core.Calls;
using Orchestrator.Core.Campaigns;
using Orchestrator.Core.Compliance;
using Orchestrator.Core.Dispositions;
using Orchestrator.Data.Agents;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Audit;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Compliance;
using Orchestrator.Data.Dispositions;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Projects;
using Orchestrator.Data.Questionnaires;
using Orchestrator.Data.Storage;
using Orchestrator.Data.Telephony;
using Orchestrator.Data.Users;

namespace Orchestrator.Data;

/// <summary>
/// The durable records. One model for both providers; the provider packages and their migrations live in
/// <c>Orchestrator.Data.Sqlite</c> and <c>Orchestrator.Data.SqlServer</c>. The constructor takes only the
/// options, so the context can be pooled.
/// </summary>
public sealed class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignList> CampaignLists => Set<CampaignList>();
    public DbSet<ContactList> ContactLists => Set<ContactList>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadPhone> LeadPhones => Set<LeadPhone>();
    public DbSet<LeadTag> LeadTags => Set<LeadTag>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<AgentSkill> AgentSkills => Set<AgentSkill>();
    public DbSet<Trunk> Trunks => Set<Trunk>();
    public DbSet<CallerIdPool> CallerIdPools => Set<CallerIdPool>();
    public DbSet<CallerIdNumber> CallerIdNumbers => Set<CallerIdNumber>();
    public DbSet<Recording> Recordings => Set<Recording>();
    public DbSet<Cdr> Cdrs => Set<Cdr>();
    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    public DbSet<QuestionnaireVersion> QuestionnaireVersions => Set<QuestionnaireVersion>();
    public DbSet<AttemptAnswer> AttemptAnswers => Set<AttemptAnswer>();
    public DbSet<Attempt> Attempts => Set<Attempt>();
    public DbSet<DispositionDefinition> DispositionDefinitions => Set<DispositionDefinition>();
    public DbSet<Disposition> Dispositions => Set<Disposition>();
    public DbSet<Callback> Callbacks => Set<Callback>();
    public DbSet<DncEntry> DncEntries => Set<DncEntry>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<User> Users => Set<User>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so that the tables read plainly in an audit.
        StoreAsName<DialMode>(configurationBuilder);
        StoreAsName<AgentState>(configurationBuilder);
        StoreAsName<HangupCause>(configurationBuilder);
        StoreAsName<DispositionOutcome>(configurationBuilder);
        StoreAsName<ConsentStatus>(configurationBuilder);
        StoreAsName<LeadClosureReason>(configurationBuilder);
        StoreAsName<CampaignStatus>(configurationBuilder);
        StoreAsName<LeadStatus>(configurationBuilder);
        StoreAsName<PhoneKind>(configurationBuilder);
        StoreAsName<SwitchType>(configurationBuilder);
        StoreAsName<AttemptResult>(configurationBuilder);
        StoreAsName<AmdResult>(configurationBuilder);
        StoreAsName<CallbackStatus>(configurationBuilder);
        StoreAsName<DncScope>(configurationBuilder);
        StoreAsName<DncSource>(configurationBuilder);
        StoreAsName<UserRole>(configurationBuilder);

        // A flags value is stored as its names too ("Monday, Tuesday, Wednesday"), hence the longer column.
        configurationBuilder.Properties<CallingDays>().HaveConversion<string>().HaveMaxLength(64);

        configurationBuilder.Properties<TimeSpan>().HaveConversion<SecondsConverter>();

        if (Database.ProviderName == ProviderNames.Sqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ProjectConfiguration());
        modelBuilder.ApplyConfiguration(new CampaignConfiguration());
        modelBuilder.ApplyConfiguration(new CampaignListConfiguration());
        modelBuilder.ApplyConfiguration(new ContactListConfiguration());
        modelBuilder.ApplyConfiguration(new LeadConfiguration());
        modelBuilder.ApplyConfiguration(new LeadPhoneConfiguration());
        modelBuilder.ApplyConfiguration(new LeadTagConfiguration());
        modelBuilder.ApplyConfiguration(new TeamConfiguration());
        modelBuilder.ApplyConfiguration(new AgentConfiguration());
        modelBuilder.ApplyConfiguration(new AgentSkillConfiguration());
        modelBuilder.ApplyConfiguration(new TrunkConfiguration());
        modelBuilder.ApplyConfiguration(new CallerIdPoolConfiguration());
        modelBuilder.ApplyConfiguration(new CallerIdNumberConfiguration());
        modelBuilder.ApplyConfiguration(new RecordingConfiguration());
        modelBuilder.ApplyConfiguration(new CdrConfiguration());
        modelBuilder.ApplyConfiguration(new QuestionnaireConfiguration());
        modelBuilder.ApplyConfiguration(new QuestionnaireVersionConfiguration());
        modelBuilder.ApplyConfiguration(new AttemptAnswerConfiguration());
        modelBuilder.ApplyConfiguration(new AttemptConfiguration(Database.ProviderName));
        modelBuilder.ApplyConfiguration(new DispositionDefinitionConfiguration());
        modelBuilder.ApplyConfiguration(new DispositionConfiguration());
        modelBuilder.ApplyConfiguration(new CallbackConfiguration());
        modelBuilder.ApplyConfiguration(new DncEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ConsentRecordConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEventConfiguration());
    }

    private static void StoreAsName<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, Enum =>
        builder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(FieldLengths.Enum);

    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IAppendOnly && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} is append-only: rows are added, never changed or deleted. " +
                    "Record a new event instead.");
            }

            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                // Through the entry, so the bump is saved even when automatic change detection is off.
                entry.Property(nameof(IVersioned.Version)).CurrentValue = versioned.Version + 1;
            }
        }
    }
}
