using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Leads;

internal sealed class ContactListConfiguration : IEntityTypeConfiguration<ContactList>
{
    private const int FileNameLength = 260;

    public void Configure(EntityTypeBuilder<ContactList> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(l => l.SourceFileName).HasMaxLength(FileNameLength);

        builder.HasOne(l => l.Project).WithMany(p => p.ContactLists)
            .HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(l => new { l.ProjectId, l.Name }).IsUnique();
    }
}
