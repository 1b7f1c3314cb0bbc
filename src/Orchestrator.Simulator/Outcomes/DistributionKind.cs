namespace Orchestrator.Simulator.Outcomes;

/// <summary>The shapes a pacebench duration may take (the <c>dist</c> field).</summary>
public enum DistributionKind
{
    /// <summary><c>{"dist":"lognormal","mean":m,"cv":c}</c>: positive, right-skewed; the usual talk and ring time shape.</summary>
    Lognormal,

    /// <summary><c>{"dist":"exponential","mean":m}</c>.</summary>
    Exponential,

    /// <summary><c>{"dist":"uniform","min":a,"max":b}</c>.</summary>
    Uniform,

    /// <summary><c>{"dist":"fixed","value":v}</c>: always the same value.</summary>
    Fixed,
}
