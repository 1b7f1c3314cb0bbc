using System.Globalization;

namespace Orchestrator.Benchmarks;

/// <summary>One row of the closing table: a measured figure, its target (if the issue sets one) and whether it is met.</summary>
/// <param name="Met">Null when there is no target (the figure is informational).</param>
internal sealed record Figure(string Name, string Value, string Unit, string Target, bool? Met)
{
    public static Figure Info(string name, double value, string unit) => new(name, Format(value), unit, "-", null);

    /// <summary>An informational figure already formatted (e.g. several values, <c>a / b / c</c>).</summary>
    public static Figure Info(string name, string value, string unit) => new(name, value, unit, "-", null);

    public static Figure AtLeast(string name, double value, string unit, double target) =>
        new(name, Format(value), unit, ">= " + Format(target), value >= target);

    public static Figure AtMost(string name, double value, string unit, double target) =>
        new(name, Format(value), unit, "<= " + Format(target), value <= target);

    public static string Format(double value) => Math.Abs(value) switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("F1", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("F2", CultureInfo.InvariantCulture),
        0 => "0",
        _ => value.ToString("F3", CultureInfo.InvariantCulture),
    };
}
