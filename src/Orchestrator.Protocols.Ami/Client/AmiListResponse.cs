namespace Orchestrator.Protocols.Ami.Client;

/// <summary>
/// The answer to a list action (<c>CoreShowChannels</c>, <c>Status</c>): the response, the item events
/// that carried the action's ActionID, and the closing <c>…Complete</c> event.
/// </summary>
public sealed record AmiListResponse(AmiMessage Response, IReadOnlyList<AmiMessage> Items, AmiMessage? Complete);
