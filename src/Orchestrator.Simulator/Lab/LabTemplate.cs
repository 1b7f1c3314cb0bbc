using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Lab;

/// <summary>An event of a recording, <see cref="Offset"/> after the moment that caused its segment.</summary>
public sealed record TimedEvent(TimeSpan Offset, AmiMessage Message);

/// <summary>
/// One recorded call of the lab dialplan, ready to replay: what happened after the Originate (the prelude),
/// how the call ended (the teardown), and the identifiers the recording used, to be substituted.
/// </summary>
public sealed record LabTemplate
{
    /// <summary>The recording it came from (<c>ami-originate-answered</c>).</summary>
    public required string Source { get; init; }

    public required LabBehaviour Behaviour { get; init; }

    public required string Context { get; init; }

    public required string ExtenClass { get; init; }

    /// <summary>Whether the recorded Originate was asynchronous (events flowed while it ran).</summary>
    public required bool Async { get; init; }

    /// <summary>The recorded Originate action (its identifiers are what the template substitutes).</summary>
    public required AmiMessage Originate { get; init; }

    /// <summary>The wall time of the recorded Originate (CDR times are shifted from it).</summary>
    public required DateTimeOffset OriginateWallTime { get; init; }

    /// <summary>Events after the Originate, offsets from the Originate.</summary>
    public required IReadOnlyList<TimedEvent> Prelude { get; init; }

    /// <summary>The events that end the call, offsets from the teardown's start.</summary>
    public required IReadOnlyList<TimedEvent> Teardown { get; init; }

    /// <summary>When the call ends by itself (offset from the Originate); null when the recording ended it with a Hangup action.</summary>
    public TimeSpan? NaturalTeardownAt { get; init; }

    /// <summary>The recorded teardown was caused by <c>Action: Hangup</c> with this cause.</summary>
    public int? HangupActionCause { get; init; }

    /// <summary>When the call was answered (offset of the successful OriginateResponse), if it was.</summary>
    public TimeSpan? AnsweredAt { get; init; }

    /// <summary>When a synchronous Originate answers (the recorded response, or the OriginateResponse's time).</summary>
    public required TimeSpan CompletesAt { get; init; }

    /// <summary>Whether the Originate succeeded.</summary>
    public required bool Succeeds { get; init; }

    /// <summary>The recorded Originate's ring timeout.</summary>
    public required TimeSpan RecordedTimeout { get; init; }

    public override string ToString() => $"{Source}: {Behaviour} {Context}/{ExtenClass} {(Async ? "async" : "sync")}";
}
