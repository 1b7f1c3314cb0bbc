using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Projects;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Compliance;

internal sealed class DncEntryConfiguration : IEntityTypeConfiguration<DncEntry>
{
    public void Configure(EntityTypeBuilder<DncEntry> builder)
    {
        builder.Property(e => e.Number).HasMaxLength(FieldLengths.PhoneNumber);
        builder.Property(e => e.Reason).HasMaxLength(FieldLengths.Description);

        builder.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Restrict);

        // The filter and check text below is plain SQL that SQLite and SQL Server both read.
        builder.ToTable(table => table.HasCheckConstraint(
            "CK_DncEntries_ScopeProject",
            "(Scope = 'Global' AND ProjectId IS NULL) OR (Scope = 'Project' AND ProjectId IS NOT NULL)"));

        // Leads with the number first: it is also the gate's lookup by number. No filter: SQL Server treats
        // NULLs as equal in a unique index, so it alone keeps global entries unique there.
        builder.HasIndex(e => new { e.Number, e.Scope, e.ProjectId }).IsUnique().HasFilter(null);

        // SQLite treats NULLs as distinct in a unique index, so global entries need their own.
        builder.HasIndex(e => e.Number, "UX_DncEntries_Number_Global").IsUnique().HasFilter("ProjectId IS NULL");
    }
}
