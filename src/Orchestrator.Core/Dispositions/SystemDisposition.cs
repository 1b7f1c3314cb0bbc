using Orchestrator.Core.Calls;

namespace Orchestrator.Core.Dispositions;

/// <summary>
/// The disposition codes the orchestrator sets itself for calls that never reached an agent.
/// Agent dispositions are defined per project; these exist in every project.
/// </summary>
public static class SystemDisposition
{
    public const string NoAnswer = "NA";
    public const string Busy = "B";
    public const string Congestion = "CONG";
    public const string Failed = "FAIL";
    public const string InvalidNumber = "INV";
    public const string AnsweringMachine = "AM";
    public const string Abandoned = "DROP";
    public const string CustomerHungUp = "HUP";
    public const string Cancelled = "CANC";
    public const string NotDispositioned = "NODISP";

    /// <summary>Every system code with its outcome, for seeding a project's definitions.</summary>
    public static IReadOnlyList<(string Code, string Label, DispositionOutcome Outcome)> All { get; } =
    [
        (NoAnswer, "No answer", DispositionOutcome.Retry),
        (Busy, "Busy", DispositionOutcome.Retry),
        (Congestion, "Network congestion", DispositionOutcome.Retry),
        (Failed, "Call failed", DispositionOutcome.Retry),
        (InvalidNumber, "Invalid number", DispositionOutcome.WrongNumber),
        (AnsweringMachine, "Answering machine", DispositionOutcome.Retry),
        (Abandoned, "Abandoned (safe-harbor message played)", DispositionOutcome.Retry),
        (CustomerHungUp, "Hung up before an agent answered", DispositionOutcome.Retry),
        (Cancelled, "Cancelled by the orchestrator before answer (stop or shutdown)", DispositionOutcome.Retry),
        (NotDispositioned, "Agent left without a disposition", DispositionOutcome.Retry),
    ];

    /// <summary>The code for a call that ended without reaching an agent.</summary>
    public static string ForUnconnectedCall(HangupCause cause) => cause switch
    {
        HangupCause.Busy => Busy,
        HangupCause.NoAnswer => NoAnswer,
        HangupCause.Congestion => Congestion,
        HangupCause.InvalidNumber => InvalidNumber,
        _ => Failed,
    };
}
