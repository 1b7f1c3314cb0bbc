using Orchestrator.Core.Dispositions;
using Orchestrator.Data.Campaigns;
using Orchestrator.Data.Dispositions;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Questionnaires;

namespace Orchestrator.Data.Projects;

/// <summary>A body of work: its campaigns, contact lists, disposition codes and questionnaires share one set of rules.</summary>
public sealed class Project
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>When to stop calling a lead and how long to wait between tries. Stored in three columns.</summary>
    public ClosureRules ClosureRules { get; set; } = ClosureRules.Default;

    public DateTimeOffset CreatedAt { get; set; }

    public ICollection<Campaign> Campaigns { get; } = new List<Campaign>();

    public ICollection<ContactList> ContactLists { get; } = new List<ContactList>();

    public ICollection<DispositionDefinition> DispositionDefinitions { get; } = new List<DispositionDefinition>();

    public ICollection<Questionnaire> Questionnaires { get; } = new List<Questionnaire>();
}
