using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Agents;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Dispositions;

internal sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(d => d.Notes).HasMaxLength(FieldLengths.Notes);

        builder.HasOne<Attempt>().WithMany().HasForeignKey(d => d.AttemptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lead>().WithMany().HasForeignKey(d => d.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(d => d.AgentId).OnDelete(DeleteBehavior.Restrict);

        // One disposition per attempt: a retried save cannot disposition a call twice.
        builder.HasIndex(d => d.AttemptId).IsUnique();
    }
}
