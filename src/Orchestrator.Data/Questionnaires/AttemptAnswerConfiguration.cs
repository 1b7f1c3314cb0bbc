using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Questionnaires;

internal sealed class AttemptAnswerConfiguration : IEntityTypeConfiguration<AttemptAnswer>
{
    private const int ValueLength = 4000;

    public void Configure(EntityTypeBuilder<AttemptAnswer> builder)
    {
        builder.Property(a => a.QuestionKey).HasMaxLength(FieldLengths.Key);
        builder.Property(a => a.Value).HasMaxLength(ValueLength);

        builder.HasOne<Attempt>().WithMany().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionnaireVersion>().WithMany()
            .HasForeignKey(a => a.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);

        // One answer per question and attempt: answering again replaces it.
        builder.HasIndex(a => new { a.AttemptId, a.QuestionKey }).IsUnique();
    }
}
