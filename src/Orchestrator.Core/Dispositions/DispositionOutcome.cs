namespace Orchestrator.Core.Dispositions;

/// <summary>What a disposition means for the lead: the semantics behind a campaign's disposition codes.</summary>
public enum DispositionOutcome
{
    /// <summary>Try the lead again after the campaign's retry delay (no answer, busy, machine, abandoned).</summary>
    Retry = 0,

    /// <summary>Call back at an agreed time.</summary>
    Callback,

    /// <summary>Reached and done: the campaign's goal was met.</summary>
    Success,

    /// <summary>Reached and refused: close the lead.</summary>
    Refused,

    /// <summary>The number does not belong to the lead: close this number.</summary>
    WrongNumber,

    /// <summary>The lead asked never to be called again: DNC entry, consent revoked, lead closed.</summary>
    OptOut,
}
