using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.Description).HasMaxLength(FieldLengths.Description);
        builder.HasIndex(p => p.Name).IsUnique();

        // The Core record, mapped as a complex type: ClosureRules_MaxAttempts, ..._RetryDelaySeconds, ...
        builder.ComplexProperty(p => p.ClosureRules, rules =>
        {
            rules.Property(r => r.RetryDelay).HasColumnName("ClosureRules_RetryDelaySeconds");
            rules.Property(r => r.AbandonProtection).HasColumnName("ClosureRules_AbandonProtectionSeconds");
        });
    }
}
