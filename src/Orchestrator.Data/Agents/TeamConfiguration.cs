using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Agents;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(FieldLengths.Name);
        builder.PrimitiveCollection(t => t.Skills).ElementType(skill => skill.HasMaxLength(FieldLengths.Key));
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
