using Orchestrator.Protocols.Ami;

namespace Orchestrator.Simulator.Ami;

/// <summary>One action being handled: who sent it, what it says, and the simulator it runs in.</summary>
internal sealed record ActionContext(AmiSession Session, AmiMessage Action, string? ActionId, AsteriskAmiSimulator Simulator)
{
    public string? this[string header] => Action[header];

    public void Reply(AmiMessage message) => Session.Send(message);

    public void Success(string? message = null) => Session.Send(AmiReplies.Success(ActionId, message));

    public void Error(string message) => Session.Send(AmiReplies.Error(ActionId, message));
}
