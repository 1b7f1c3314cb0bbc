using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Telephony;

internal sealed class TrunkConfiguration : IEntityTypeConfiguration<Trunk>
{
    public void Configure(EntityTypeBuilder<Trunk> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(t => t.DialStringTemplate).HasMaxLength(FieldLengths.DialString);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
