using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Recordings;

namespace Orchestrator.Simulator.Lab;

/// <summary>One whole AMI message (or a connect/close note) of a transcript, with when and where it was seen.</summary>
/// <param name="Offset">The time of the message's first line since the scenario started.</param>
/// <param name="Message">The message; null for a note.</param>
/// <param name="Note">The note text (<c>&lt;connection closed by Asterisk&gt;</c>); null for a message.</param>
/// <param name="IsBanner">The server's greeting line.</param>
public sealed record RecordedMessage(
    TimeSpan Offset,
    string Connection,
    TranscriptDirection Direction,
    AmiMessage? Message,
    string? Note,
    bool IsBanner,
    byte[] Bytes);
