namespace Orchestrator.Data.Questionnaires;

/// <summary>An agent's answer to one question during one attempt.</summary>
public sealed class AttemptAnswer
{
    public long Id { get; set; }

    public Guid AttemptId { get; set; }

    /// <summary>The exact questionnaire version the question came from.</summary>
    public long QuestionnaireVersionId { get; set; }

    /// <summary>The question's key in the version's definition.</summary>
    public required string QuestionKey { get; set; }

    /// <summary>The answer as text (choice keys, numbers and dates in invariant form).</summary>
    public required string Value { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
