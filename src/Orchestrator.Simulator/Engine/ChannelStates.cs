namespace Orchestrator.Simulator.Engine;

/// <summary>Asterisk's channel states (<c>ChannelState</c> / <c>ChannelStateDesc</c>).</summary>
internal static class ChannelStates
{
    public const int Down = 0;
    public const int Ring = 4;
    public const int Ringing = 5;
    public const int Up = 6;
    public const int Busy = 7;

    public static string Describe(int state) => state switch
    {
        0 => "Down",
        1 => "Rsrvd",
        2 => "OffHook",
        3 => "Dialing",
        4 => "Ring",
        5 => "Ringing",
        6 => "Up",
        7 => "Busy",
        8 => "Dialing Offhook",
        9 => "Pre-ring",
        _ => "Unknown",
    };
}
