using Orchestrator.Core.Calls;

namespace Orchestrator.Switching.Asterisk.Ami;

/// <summary>
/// The <c>Reason</c> of a failed OriginateResponse (Asterisk's AST_CONTROL codes): for a leg that never
/// answered, it is the only cause that means the same on every channel technology.
/// </summary>
internal static class OriginateReason
{
    public static HangupCause ToHangupCause(int reason) => reason switch
    {
        1 => HangupCause.NormalClearing, // hung up before answer
        3 => HangupCause.NoAnswer,       // still ringing when the timeout hit
        5 => HangupCause.Busy,
        8 => HangupCause.Congestion,
        0 => HangupCause.ChannelUnavailable,
        _ => HangupCause.Failed,
    };
}
