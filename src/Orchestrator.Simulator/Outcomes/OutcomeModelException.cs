namespace Orchestrator.Simulator.Outcomes;

/// <summary>An outcome model that cannot be used; the message lists every problem at once.</summary>
public sealed class OutcomeModelException : Exception
{
    public OutcomeModelException(IReadOnlyList<string> problems)
        : base("The outcome model is invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
