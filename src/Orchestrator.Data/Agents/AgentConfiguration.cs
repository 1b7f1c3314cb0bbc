using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Agents;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        builder.Property(a => a.Login).HasMaxLength(FieldLengths.Login);
        builder.Property(a => a.DisplayName).HasMaxLength(FieldLengths.Name);
        builder.Property(a => a.Endpoint).HasMaxLength(FieldLengths.DialString);

        // Removing a team leaves its agents without one.
        builder.HasOne(a => a.Team).WithMany(t => t.Agents)
            .HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(a => a.Login).IsUnique();
    }
}
