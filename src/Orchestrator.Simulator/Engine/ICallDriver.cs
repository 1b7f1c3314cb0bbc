namespace Orchestrator.Simulator.Engine;

/// <summary>
/// Something that drives the channels of one call: a replayed lab recording or an orchestrator-dialplan leg.
/// Every method runs under <see cref="SwitchCore.Gate"/>.
/// </summary>
internal interface ICallDriver
{
    /// <summary>The Hangup action on one of the call's channels. Returns false when the channel cannot be hung up.</summary>
    bool Hangup(SimChannel channel, int cause);

    /// <summary>The Redirect action. Returns null on success, or Asterisk's error message.</summary>
    string? Redirect(SimChannel channel, string context, string exten, string priority);

    /// <summary>Stops every pending step (restart, shutdown) without emitting anything.</summary>
    void Abandon();
}
