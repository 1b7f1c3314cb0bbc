using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Compliance;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(FieldLengths.PhoneNumber);
        builder.Property(c => c.Purpose).HasMaxLength(FieldLengths.Key);
        builder.Property(c => c.Source).HasMaxLength(FieldLengths.Key);
        builder.Property(c => c.Evidence).HasMaxLength(FieldLengths.Notes);

        builder.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Restrict);

        // The gate's lookup: consent for this number and purpose.
        builder.HasIndex(c => new { c.Number, c.Purpose });
    }
}
