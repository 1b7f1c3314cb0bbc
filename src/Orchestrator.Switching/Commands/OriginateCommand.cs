namespace Orchestrator.Switching.Commands;

/// <summary>Place a call to a customer.</summary>
/// <param name="Leg">The new leg's id: the attempt id. The adapter stamps it on the channel.</param>
/// <param name="Destination">The number to dial (E.164 or the trunk's format).</param>
/// <param name="CallerId">What the customer sees.</param>
/// <param name="Trunk">The trunk or gateway to dial through; null for the adapter's default.</param>
/// <param name="RingTimeout">How long to ring before giving up (a no-answer).</param>
/// <param name="DetectMachine">Run answering-machine detection after answer (requires the capability).</param>
/// <param name="Variables">Extra channel variables, for the dialplan and the CDR.</param>
public sealed record OriginateCommand(
    LegId Leg,
    string Destination,
    CallerId CallerId,
    string? Trunk,
    TimeSpan RingTimeout,
    bool DetectMachine,
    IReadOnlyDictionary<string, string> Variables);
