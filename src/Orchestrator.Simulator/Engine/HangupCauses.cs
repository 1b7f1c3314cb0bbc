namespace Orchestrator.Simulator.Engine;

/// <summary>Q.850 causes as Asterisk names them in <c>Cause-txt</c>.</summary>
internal static class HangupCauses
{
    public const int Unknown = 0;
    public const int NormalClearing = 16;
    public const int UserBusy = 17;
    public const int NoAnswer = 19;
    public const int Congestion = 34;

    public static string Describe(int cause) => cause switch
    {
        0 => "Unknown",
        1 => "Unallocated (unassigned) number",
        3 => "No route to destination",
        16 => "Normal Clearing",
        17 => "User busy",
        18 => "No user responding",
        19 => "User alerting, no answer",
        21 => "Call Rejected",
        27 => "Destination out of order",
        28 => "Invalid number format (addr incomplete)",
        31 => "Normal, unspecified",
        34 => "Circuit/channel congestion",
        38 => "Network out of order",
        41 => "Temporary failure",
        42 => "Switching equipment congestion",
        127 => "Interworking, unspecified",
        _ => "Unknown",
    };
}
