using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Agents;

internal sealed class AgentSkillConfiguration : IEntityTypeConfiguration<AgentSkill>
{
    public void Configure(EntityTypeBuilder<AgentSkill> builder)
    {
        builder.HasKey(s => new { s.AgentId, s.Skill });
        builder.Property(s => s.Skill).HasMaxLength(FieldLengths.Key);

        builder.HasOne(s => s.Agent).WithMany(a => a.Skills)
            .HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(s => s.Skill);
    }
}
