namespace Orchestrator.Data.Compliance;

/// <summary>Where a do-not-call entry came from.</summary>
public enum DncSource
{
    /// <summary>Added by a manager.</summary>
    Internal = 0,

    /// <summary>A national registry download.</summary>
    National,

    /// <summary>The person asked during a call.</summary>
    OptOut,

    /// <summary>A file import.</summary>
    Import,
}
