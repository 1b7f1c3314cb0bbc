using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Leads;

internal sealed class LeadTagConfiguration : IEntityTypeConfiguration<LeadTag>
{
    public void Configure(EntityTypeBuilder<LeadTag> builder)
    {
        builder.HasKey(t => new { t.LeadId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(FieldLengths.Key);

        builder.HasOne(t => t.Lead).WithMany(l => l.Tags)
            .HasForeignKey(t => t.LeadId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(t => t.Tag);
    }
}
