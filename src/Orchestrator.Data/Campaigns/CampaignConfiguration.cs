using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Questionnaires;
using Orchestrator.Data.Storage;
using Orchestrator.Data.Telephony;

namespace Orchestrator.Data.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    private const int CronLength = 128;

    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.Description).HasMaxLength(FieldLengths.Description);
        builder.Property(c => c.SafeHarborPrompt).HasMaxLength(FieldLengths.DialString);
        builder.Property(c => c.CronStart).HasMaxLength(CronLength);
        builder.Property(c => c.CronStop).HasMaxLength(CronLength);
        builder.Property(c => c.ScheduleTimeZoneId).HasMaxLength(FieldLengths.TimeZoneId);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.ComplexProperty(c => c.CallingWindow);
        builder.ComplexProperty(c => c.FrequencyCap, cap =>
            cap.Property(f => f.Window).HasColumnName("FrequencyCap_WindowSeconds"));

        builder.HasOne(c => c.Project).WithMany(p => p.Campaigns)
            .HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Trunk>().WithMany().HasForeignKey(c => c.TrunkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CallerIdPool>().WithMany().HasForeignKey(c => c.CallerIdPoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(c => c.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => new { c.ProjectId, c.Name }).IsUnique();
        builder.HasIndex(c => c.Status);
    }
}
