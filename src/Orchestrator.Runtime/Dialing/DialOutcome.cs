using Orchestrator.Core.Compliance;
using Orchestrator.Runtime.Calls;

namespace Orchestrator.Runtime.Dialing;

/// <summary>What became of one try to take a lead from the hopper and dial it.</summary>
internal abstract record DialOutcome
{
    private DialOutcome()
    {
    }

    /// <summary>The attempt is written and the call is ready to originate.</summary>
    public sealed record Ready(LiveCall Call) : DialOutcome;

    /// <summary>The rules forbid the call now; the lead was rescheduled or closed.</summary>
    public sealed record Blocked(ComplianceBlock Reason) : DialOutcome;

    /// <summary>The lead is no longer due (dialed elsewhere, closed, rescheduled): nothing to do.</summary>
    public sealed record Skipped(string Why) : DialOutcome;

    public sealed record HopperEmpty : DialOutcome;
}
