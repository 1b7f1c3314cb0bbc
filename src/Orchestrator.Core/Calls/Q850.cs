namespace Orchestrator.Core.Calls;

/// <summary>Maps ITU-T Q.850 cause codes, which both Asterisk and FreeSWITCH report, to <see cref="HangupCause"/>.</summary>
public static class Q850
{
    public static HangupCause ToHangupCause(int code) => code switch
    {
        16 or 31 => HangupCause.NormalClearing,
        17 => HangupCause.Busy,
        18 or 19 => HangupCause.NoAnswer,
        21 => HangupCause.Rejected,
        1 or 2 or 3 or 22 or 28 => HangupCause.InvalidNumber,
        34 or 38 or 41 or 42 or 44 or 47 => HangupCause.Congestion,
        20 or 27 or 66 => HangupCause.ChannelUnavailable,
        0 => HangupCause.Unknown,
        _ => HangupCause.Failed,
    };
}
