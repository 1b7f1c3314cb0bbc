using Orchestrator.Data.Projects;

namespace Orchestrator.Data.Questionnaires;

/// <summary>A script of questions for agents. Its content lives in immutable, numbered versions.</summary>
public sealed class Questionnaire
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ICollection<QuestionnaireVersion> Versions { get; } = new List<QuestionnaireVersion>();
}
