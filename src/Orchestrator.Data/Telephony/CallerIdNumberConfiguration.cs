using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Telephony;

internal sealed class CallerIdNumberConfiguration : IEntityTypeConfiguration<CallerIdNumber>
{
    private const int AreaCodeLength = 8;

    public void Configure(EntityTypeBuilder<CallerIdNumber> builder)
    {
        builder.Property(n => n.Number).HasMaxLength(FieldLengths.PhoneNumber);
        builder.Property(n => n.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(n => n.AreaCode).HasMaxLength(AreaCodeLength);

        builder.HasOne(n => n.Pool).WithMany(p => p.Numbers)
            .HasForeignKey(n => n.PoolId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(n => new { n.PoolId, n.Number }).IsUnique();
    }
}
