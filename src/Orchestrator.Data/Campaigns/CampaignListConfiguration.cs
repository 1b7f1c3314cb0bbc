using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Orchestrator.Data.Campaigns;

internal sealed class CampaignListConfiguration : IEntityTypeConfiguration<CampaignList>
{
    public void Configure(EntityTypeBuilder<CampaignList> builder)
    {
        builder.HasKey(l => new { l.CampaignId, l.ContactListId });

        // A link is pure association: it goes with either end.
        builder.HasOne(l => l.Campaign).WithMany(c => c.Lists)
            .HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.ContactList).WithMany(c => c.Campaigns)
            .HasForeignKey(l => l.ContactListId).OnDelete(DeleteBehavior.Cascade);
    }
}
