using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Agents;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Dispositions;

internal sealed class CallbackConfiguration : IEntityTypeConfiguration<Callback>
{
    public void Configure(EntityTypeBuilder<Callback> builder)
    {
        builder.Property(c => c.TimeZoneId).HasMaxLength(FieldLengths.TimeZoneId);
        builder.Property(c => c.Notes).HasMaxLength(FieldLengths.Notes);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Attempt>().WithMany().HasForeignKey(c => c.CreatedByAttemptId).OnDelete(DeleteBehavior.Restrict);

        // The scheduler's query: pending callbacks that are due.
        builder.HasIndex(c => new { c.Status, c.DueAt });
    }
}
