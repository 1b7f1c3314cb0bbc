namespace Orchestrator.Data.Leads;

/// <summary>A label on a lead (<c>vip</c>, <c>spanish</c>). A table rather than JSON, so campaigns can select by tag with an index.</summary>
public sealed class LeadTag
{
    public long LeadId { get; set; }

    public Lead? Lead { get; set; }

    public required string Tag { get; set; }
}
