using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Data.Agents;
using Orchestrator.Data.Storage;

namespace Orchestrator.Data.Leads;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    private const int EmailLength = 254;

    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.ExternalRef).HasMaxLength(FieldLengths.Key);
        builder.Property(l => l.FirstName).HasMaxLength(FieldLengths.Name);
        builder.Property(l => l.LastName).HasMaxLength(FieldLengths.Name);
        builder.Property(l => l.Email).HasMaxLength(EmailLength);
        builder.Property(l => l.TimeZoneId).HasMaxLength(FieldLengths.TimeZoneId);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Property(l => l.CustomFields)
            .HasConversion(new JsonDictionaryConverter(), JsonDictionaryConverter.Comparer)
            .IsRequired();

        builder.HasOne(l => l.ContactList).WithMany(c => c.Leads)
            .HasForeignKey(l => l.ContactListId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(l => l.OwnerAgentId).OnDelete(DeleteBehavior.Restrict);

        // The hopper's query: leads of a list in a given status that are due, oldest due first.
        builder.HasIndex(l => new { l.ContactListId, l.Status, l.NextDialAt });
        builder.HasIndex(l => new { l.ContactListId, l.ExternalRef }).IsUnique();
    }
}
