using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Leads;

internal sealed class LeadPhoneConfiguration : IEntityTypeConfiguration<LeadPhone>
{
    public void Configure(EntityTypeBuilder<LeadPhone> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(FieldLengths.PhoneNumber);

        builder.HasOne(p => p.Lead).WithMany(l => l.Phones)
            .HasForeignKey(p => p.LeadId).OnDelete(DeleteBehavior.Cascade);

        // Opt-outs and DNC purges find every lead holding a number.
        builder.HasIndex(p => p.Number);
    }
}
