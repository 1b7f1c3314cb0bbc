namespace Orchestrator.Data.Leads;

/// <summary>Where a lead is in the campaign's cycle.</summary>
public enum LeadStatus
{
    /// <summary>Never called.</summary>
    New = 0,

    /// <summary>Called at least once and due again at <see cref="Lead.NextDialAt"/>.</summary>
    InProgress,

    /// <summary>A callback is scheduled; the <c>Callbacks</c> row says when and by whom.</summary>
    Callback,

    /// <summary>Done; <see cref="Lead.ClosureReason"/> says why.</summary>
    Closed,

    /// <summary>Asked never to be called again.</summary>
    OptedOut,
}
