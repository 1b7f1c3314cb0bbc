namespace Orchestrator.Simulator.Outcomes;

/// <summary>
/// Answering-machine detection (pacebench <c>amd</c>). A human is declared human
/// <see cref="HumanDecisionAfterGreetingSeconds"/> after the greeting ends; a machine is declared machine
/// <see cref="MachineDecisionSeconds"/> after answer; <see cref="FalsePositive"/> of humans are declared machines,
/// <see cref="FalseNegative"/> of machines are declared humans.
/// </summary>
public sealed record AmdModel
{
    public bool Enabled { get; init; } = true;

    public double HumanDecisionAfterGreetingSeconds { get; init; } = 0.8;

    public Distribution MachineDecisionSeconds { get; init; } = Distribution.Uniform(2.5, 5.0);

    /// <summary>Probability that a human is declared a machine (and hung up: an abandoned live call).</summary>
    public double FalsePositive { get; init; }

    /// <summary>Probability that a machine is declared human (and costs an agent <see cref="MachineHandlingSeconds"/>).</summary>
    public double FalseNegative { get; init; }

    /// <summary>How long an agent connected to a machine stays on it.</summary>
    public double MachineHandlingSeconds { get; init; } = 8;
}
