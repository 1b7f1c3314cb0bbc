namespace Orchestrator.Core.Campaigns;

/// <summary>How a campaign decides when to place calls.</summary>
public enum DialMode
{
    /// <summary>An agent sees the lead first and starts the call.</summary>
    Preview = 0,

    /// <summary>One call per ready agent; never more calls in progress than ready agents.</summary>
    Progressive = 1,

    /// <summary>More calls than ready agents, sized by a model of answers and agent availability, held under the abandon cap.</summary>
    Predictive = 2,

    /// <summary>The agent dials numbers by hand; the orchestrator only records.</summary>
    Manual = 3,
}
