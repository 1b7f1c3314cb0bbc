using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(FieldLengths.Name);
        builder.Property(e => e.Action).HasMaxLength(FieldLengths.Key);
        builder.Property(e => e.EntityType).HasMaxLength(FieldLengths.Key);
        builder.Property(e => e.EntityId).HasMaxLength(FieldLengths.Key);
        builder.Property(e => e.CorrelationId).HasMaxLength(FieldLengths.Key);

        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.CorrelationId);
    }
}
