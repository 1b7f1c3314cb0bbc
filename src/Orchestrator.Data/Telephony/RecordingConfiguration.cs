using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Telephony;

internal sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    private const int FormatLength = 16;

    public void Configure(EntityTypeBuilder<Recording> builder)
    {
        builder.Property(r => r.Location).HasMaxLength(FieldLengths.Location);
        builder.Property(r => r.Format).HasMaxLength(FormatLength);

        builder.HasOne<Attempt>().WithMany().HasForeignKey(r => r.AttemptId).OnDelete(DeleteBehavior.Restrict);
    }
}
