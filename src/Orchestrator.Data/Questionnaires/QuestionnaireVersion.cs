namespace Orchestrator.Data.Questionnaires;

/// <summary>
/// One version of a questionnaire. Once published it is never edited: answers point at the exact
/// version the agent saw, so an audit can replay the questions as asked.
/// </summary>
public sealed class QuestionnaireVersion
{
    public long Id { get; set; }

    public long QuestionnaireId { get; set; }

    public Questionnaire? Questionnaire { get; set; }

    /// <summary>1, 2, 3… within the questionnaire.</summary>
    public int Version { get; set; }

    /// <summary>Null while a draft.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The questions, display conditions and branching as JSON; the questionnaire engine owns the schema.</summary>
    public required string Definition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
