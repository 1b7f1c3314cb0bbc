using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Telephony;

internal sealed class CallerIdPoolConfiguration : IEntityTypeConfiguration<CallerIdPool>
{
    public void Configure(EntityTypeBuilder<CallerIdPool> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}
