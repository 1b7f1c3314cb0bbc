namespace Orchestrator.Runtime.Observability;

/// <summary>The names of the per-campaign live counters (each attempt counts at most once per counter).</summary>
public static class RuntimeCounters
{
    public const string Dials = "dials";
    public const string Answers = "answers";
    public const string Humans = "humans";
    public const string Machines = "machines";
    public const string Connects = "connects";
    public const string Abandons = "abandons";
    public const string NoAnswers = "noAnswers";
    public const string Busies = "busies";
    public const string Failures = "failures";
    public const string Blocked = "blocked";
}
