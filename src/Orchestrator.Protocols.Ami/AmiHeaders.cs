namespace Orchestrator.Protocols.Ami;

/// <summary>Header names the orchestrator reads or writes.</summary>
public static class AmiHeaders
{
    public const string Action = "Action";
    public const string ActionId = "ActionID";
    public const string Response = "Response";
    public const string Event = "Event";
    public const string Message = "Message";
    public const string EventList = "EventList";
    public const string ListItems = "ListItems";
    public const string Channel = "Channel";
    public const string ChannelState = "ChannelState";
    public const string ChannelStateDesc = "ChannelStateDesc";
    public const string Uniqueid = "Uniqueid";
    public const string Linkedid = "Linkedid";
    public const string Context = "Context";
    public const string Exten = "Exten";
    public const string Priority = "Priority";
    public const string Variable = "Variable";
    public const string Value = "Value";
    public const string Cause = "Cause";
    public const string CauseText = "Cause-txt";
    public const string Reason = "Reason";
    public const string Output = "Output";
    public const string DestChannel = "DestChannel";
    public const string DestUniqueid = "DestUniqueid";
    public const string DialStatus = "DialStatus";
    public const string BridgeUniqueid = "BridgeUniqueid";
    public const string Conference = "Conference";
}
