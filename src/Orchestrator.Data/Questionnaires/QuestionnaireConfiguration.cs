using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Questionnaires;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.Property(q => q.Name).HasMaxLength(FieldLengths.Name);

        builder.HasOne(q => q.Project).WithMany(p => p.Questionnaires)
            .HasForeignKey(q => q.ProjectId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(q => new { q.ProjectId, q.Name }).IsUnique();
    }
}
