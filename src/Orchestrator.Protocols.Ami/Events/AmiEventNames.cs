namespace Orchestrator.Protocols.Ami.Events;

/// <summary>The names of the events the typed views read.</summary>
public static class AmiEventNames
{
    public const string Newchannel = "Newchannel";
    public const string Newstate = "Newstate";
    public const string Hangup = "Hangup";
    public const string OriginateResponse = "OriginateResponse";
    public const string VarSet = "VarSet";
    public const string ConfbridgeJoin = "ConfbridgeJoin";
    public const string ConfbridgeLeave = "ConfbridgeLeave";
    public const string CoreShowChannel = "CoreShowChannel";
    public const string FullyBooted = "FullyBooted";
}
