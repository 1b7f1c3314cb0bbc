using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Dispositions;

internal sealed class DispositionDefinitionConfiguration : IEntityTypeConfiguration<DispositionDefinition>
{
    public void Configure(EntityTypeBuilder<DispositionDefinition> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(d => d.Label).HasMaxLength(FieldLengths.Name);

        builder.HasOne(d => d.Project).WithMany(p => p.DispositionDefinitions)
            .HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(d => new { d.ProjectId, d.Code }).IsUnique();
    }
}
