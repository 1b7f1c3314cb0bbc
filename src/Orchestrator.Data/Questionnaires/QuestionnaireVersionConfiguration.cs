using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Data.Questionnaires;

internal sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public void Configure(EntityTypeBuilder<QuestionnaireVersion> builder)
    {
        // Definition is unbounded JSON text (nvarchar(max) / TEXT).
        builder.HasOne(v => v.Questionnaire).WithMany(q => q.Versions)
            .HasForeignKey(v => v.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(v => new { v.QuestionnaireId, v.Version }).IsUnique();
    }
}
