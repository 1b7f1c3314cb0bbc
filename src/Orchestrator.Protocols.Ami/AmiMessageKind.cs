namespace Orchestrator.Protocols.Ami;

/// <summary>What a message is, decided by its first header.</summary>
public enum AmiMessageKind
{
    /// <summary>The first header is neither Response, Event nor Action.</summary>
    Unknown = 0,

    /// <summary>The greeting line a server sends when a connection opens (<c>Asterisk Call Manager/11.0.0</c>).</summary>
    Banner,

    /// <summary>The answer to an action (<c>Response: Success|Error|Follows|Goodbye</c>).</summary>
    Response,

    /// <summary>Something that happened (<c>Event: Newchannel</c>).</summary>
    Event,

    /// <summary>A request from a client (<c>Action: Originate</c>); what a server reads.</summary>
    Action,
}
