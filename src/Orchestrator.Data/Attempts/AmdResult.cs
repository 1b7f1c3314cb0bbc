namespace Orchestrator.Data.Attempts;

/// <summary>The answering-machine detector's verdict.</summary>
public enum AmdResult
{
    NotSure = 0,
    Human,
    Machine,
}
