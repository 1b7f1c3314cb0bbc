using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Agents;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Login).HasMaxLength(FieldLengths.Login);
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.Name);

        builder.HasOne<Agent>().WithMany().HasForeignKey(u => u.AgentId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(u => u.Login).IsUnique();
        builder.HasIndex(u => u.AgentId).IsUnique();
    }
}
