using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Ami;

/// <summary>Responses as manager.c writes them: <c>Response</c>, then <c>ActionID</c> when the action had one, then the rest.</summary>
internal static class AmiReplies
{
    public static AmiMessageBuilder Start(string status, string? actionId)
    {
        var builder = new AmiMessageBuilder().Add(AmiHeaders.Response, status);
        return string.IsNullOrEmpty(actionId) ? builder : builder.Add(AmiHeaders.ActionId, actionId);
    }

    /// <summary><c>astman_send_ack</c>: Success with a message; <c>astman_start_ack</c> when <paramref name="message"/> is null.</summary>
    public static AmiMessage Success(string? actionId, string? message = null)
    {
        var builder = Start("Success", actionId);
        return (message is null ? builder : builder.Add(AmiHeaders.Message, message)).Build();
    }

    public static AmiMessage Error(string? actionId, string message) => Start("Error", actionId).Add(AmiHeaders.Message, message).Build();

    public static AmiMessage Goodbye(string? actionId) => Start("Goodbye", actionId).Add(AmiHeaders.Message, "Thanks for all the fish.").Build();

    /// <summary>The first response of a list action (<c>EventList: start</c>).</summary>
    public static AmiMessage ListStart(string? actionId, string message) =>
        Start("Success", actionId).Add(AmiHeaders.EventList, "start").Add(AmiHeaders.Message, message).Build();

    /// <summary>The event that closes a list: <c>EventList: Complete</c>, <c>ListItems</c>.</summary>
    public static AmiMessageBuilder ListComplete(string eventName, string? actionId, int items)
    {
        var builder = new AmiMessageBuilder().Add(AmiHeaders.Event, eventName);
        if (!string.IsNullOrEmpty(actionId))
        {
            builder.Add(AmiHeaders.ActionId, actionId);
        }

        return builder.Add(AmiHeaders.EventList, "Complete").Add(AmiHeaders.ListItems, items.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
