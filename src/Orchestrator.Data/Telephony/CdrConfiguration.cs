using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Telephony;

internal sealed class CdrConfiguration : IEntityTypeConfiguration<Cdr>
{
    private const int PartyLength = 128;
    private const int DispositionLength = 32;

    public void Configure(EntityTypeBuilder<Cdr> builder)
    {
        builder.Property(c => c.SwitchName).HasMaxLength(FieldLengths.SwitchName);
        builder.Property(c => c.ChannelId).HasMaxLength(FieldLengths.ChannelId);
        builder.Property(c => c.Source).HasMaxLength(PartyLength);
        builder.Property(c => c.Destination).HasMaxLength(PartyLength);
        builder.Property(c => c.Disposition).HasMaxLength(DispositionLength);
        builder.Property(c => c.RawCause).HasMaxLength(FieldLengths.Key);

        // One row per leg and switch: importing the same CDR twice is rejected, so ingestion is idempotent.
        builder.HasIndex(c => new { c.SwitchName, c.ChannelId }).IsUnique();
        builder.HasIndex(c => c.AttemptId);
        builder.HasIndex(c => c.StartedAt);
    }
}
