using System.Globalization;

namespace Orchestrator.Protocols.Ami.Events;

/// <summary>
/// Typed reads of the channel events the adapters use. Each view is a struct over the message: nothing is copied,
/// and a value is decoded only when it is read. Every other header stays reachable through <see cref="Message"/>,
/// so an event from a newer Asterisk never loses data to a view that does not know it.
/// </summary>
public readonly struct NewchannelEvent(AmiMessage message)
{
    public AmiMessage Message { get; } = message;

    public string? Channel => Message[AmiHeaders.Channel];

    public string? Uniqueid => Message[AmiHeaders.Uniqueid];

    public string? Linkedid => Message[AmiHeaders.Linkedid];

    public static bool TryRead(AmiMessage message, out NewchannelEvent view) => AmiViews.TryRead(message, AmiEventNames.Newchannel, m => new NewchannelEvent(m), out view);
}

/// <summary><c>Newstate</c>: a channel's state changed (5 Ringing, 6 Up).</summary>
public readonly struct NewstateEvent(AmiMessage message)
{
    public const int Ringing = 5;
    public const int Up = 6;

    public AmiMessage Message { get; } = message;

    public string? Channel => Message[AmiHeaders.Channel];

    public string? Uniqueid => Message[AmiHeaders.Uniqueid];

    /// <summary>Asterisk's numeric channel state, or -1 when missing or not a number.</summary>
    public int ChannelState => AmiViews.Int(Message, AmiHeaders.ChannelState);

    public string? ChannelStateDesc => Message[AmiHeaders.ChannelStateDesc];

    public static bool TryRead(AmiMessage message, out NewstateEvent view) => AmiViews.TryRead(message, AmiEventNames.Newstate, m => new NewstateEvent(m), out view);
}

/// <summary><c>Hangup</c>: a channel is gone, with its Q.850 cause.</summary>
public readonly struct HangupEvent(AmiMessage message)
{
    public AmiMessage Message { get; } = message;

    public string? Channel => Message[AmiHeaders.Channel];

    public string? Uniqueid => Message[AmiHeaders.Uniqueid];

    /// <summary>The Q.850 cause, or -1 when missing.</summary>
    public int Cause => AmiViews.Int(Message, AmiHeaders.Cause);

    public string? CauseText => Message[AmiHeaders.CauseText];

    public static bool TryRead(AmiMessage message, out HangupEvent view) => AmiViews.TryRead(message, AmiEventNames.Hangup, m => new HangupEvent(m), out view);
}

/// <summary>
/// <c>OriginateResponse</c>: how an Async Originate ended. A failure names the dial string, not a channel, and its
/// Uniqueid is <c>&lt;unknown&gt;</c> unless the Originate set a ChannelId; its ActionID is the Originate's.
/// </summary>
public readonly struct OriginateResponseEvent(AmiMessage message)
{
    public AmiMessage Message { get; } = message;

    public bool Succeeded => Message.ValueEquals(AmiHeaders.Response, "Success");

    /// <summary>Asterisk's control code: 4 answered, 5 busy, 3 ringing at the timeout, 8 congestion, 0 failed; -1 when missing.</summary>
    public int Reason => AmiViews.Int(Message, AmiHeaders.Reason);

    public string? Channel => Message[AmiHeaders.Channel];

    public string? Uniqueid => Message[AmiHeaders.Uniqueid];

    public string? ActionId => Message.ActionId;

    public static bool TryRead(AmiMessage message, out OriginateResponseEvent view) => AmiViews.TryRead(message, AmiEventNames.OriginateResponse, m => new OriginateResponseEvent(m), out view);
}

/// <summary><c>VarSet</c>: a channel variable was set (AMDSTATUS and AMDCAUSE after answering-machine detection).</summary>
public readonly struct VarSetEvent(AmiMessage message)
{
    public AmiMessage Message { get; } = message;

    public string? Channel => Message[AmiHeaders.Channel];

    public string? Uniqueid => Message[AmiHeaders.Uniqueid];

    public string? Variable => Message[AmiHeaders.Variable];

    public string? Value => Message[AmiHeaders.Value];

    public bool Is(string variable) => Message.ValueEquals(AmiHeaders.Variable, variable);

    public static bool TryRead(AmiMessage message, out VarSetEvent view) => AmiViews.TryRead(message, AmiEventNames.VarSet, m => new VarSetEvent(m), out view);
}

/// <summary><c>ConfbridgeJoin</c> / <c>ConfbridgeLeave</c>: a channel entered or left a conference.</summary>
public readonly struct ConfbridgeMemberEvent(AmiMessage message)
{
    public AmiMessage Message { get; } = message;

    public bool Joined => Message.EventName == AmiEventNames.ConfbridgeJoin;

    public string? Conference => Message[AmiHeaders.Conference];

    public string? Channel => Message[AmiHeaders.Channel];

    public string? Uniqueid => Message[AmiHeaders.Uniqueid];

    public static bool TryRead(AmiMessage message, out ConfbridgeMemberEvent view) =>
        AmiViews.TryRead(message, AmiEventNames.ConfbridgeJoin, m => new ConfbridgeMemberEvent(m), out view)
        || AmiViews.TryRead(message, AmiEventNames.ConfbridgeLeave, m => new ConfbridgeMemberEvent(m), out view);
}

/// <summary>One item of a <c>CoreShowChannels</c> list.</summary>
public readonly struct CoreShowChannelEvent(AmiMessage message)
{
    public AmiMessage Message { get; } = message;

    public string? Channel => Message[AmiHeaders.Channel];

    public string? Uniqueid => Message[AmiHeaders.Uniqueid];

    public string? Linkedid => Message[AmiHeaders.Linkedid];

    public int ChannelState => AmiViews.Int(Message, AmiHeaders.ChannelState);

    public string? ChannelStateDesc => Message[AmiHeaders.ChannelStateDesc];

    public string? Application => Message["Application"];

    public string? BridgeId => Message["BridgeId"];

    public bool IsUp => ChannelState == NewstateEvent.Up;

    public static bool TryRead(AmiMessage message, out CoreShowChannelEvent view) => AmiViews.TryRead(message, AmiEventNames.CoreShowChannel, m => new CoreShowChannelEvent(m), out view);
}

/// <summary>Helpers the views share.</summary>
internal static class AmiViews
{
    public static bool TryRead<T>(AmiMessage message, string eventName, Func<AmiMessage, T> create, out T view)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == AmiMessageKind.Event && message.EventName == eventName)
        {
            view = create(message);
            return true;
        }

        view = default;
        return false;
    }

    public static int Int(AmiMessage message, string header) =>
        message.IndexOf(header) is var i and >= 0 && int.TryParse(message.ValueBytes(i), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
