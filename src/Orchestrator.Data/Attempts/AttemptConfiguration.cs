using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Agents;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Storage;
using Orchestrator.Data.Telephony;

namespace Orchestrator.Data.Attempts;

internal sealed class AttemptConfiguration(string? providerName) : IEntityTypeConfiguration<Attempt>
{
    // SqlServerAnnotationNames.Clustered, spelled out so this assembly needs no provider package.
    private const string SqlServerClustered = "SqlServer:Clustered";

    public void Configure(EntityTypeBuilder<Attempt> builder)
    {
        var key = builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PhoneNumber).HasMaxLength(FieldLengths.PhoneNumber);
        builder.Property(a => a.CallerIdNumber).HasMaxLength(FieldLengths.PhoneNumber);
        builder.Property(a => a.RawHangupCause).HasMaxLength(FieldLengths.Key);
        builder.Property(a => a.SwitchName).HasMaxLength(FieldLengths.SwitchName);
        builder.Property(a => a.SwitchChannelId).HasMaxLength(FieldLengths.ChannelId);

        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LeadPhone>().WithMany().HasForeignKey(a => a.LeadPhoneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(a => a.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Trunk>().WithMany().HasForeignKey(a => a.TrunkId).OnDelete(DeleteBehavior.Restrict);

        var byCampaign = builder.HasIndex(a => new { a.CampaignId, a.CreatedAt });
        builder.HasIndex(a => a.LeadId);

        if (providerName == ProviderNames.SqlServer)
        {
            // SQL Server sorts uniqueidentifier by its last bytes, which are random in a UUID v7: a clustered
            // primary key would insert at random pages. Cluster on (campaign, time) instead, which is both
            // append-mostly and the shape of the reports.
            key.HasAnnotation(SqlServerClustered, false);
            byCampaign.HasAnnotation(SqlServerClustered, true);
        }
    }
}
