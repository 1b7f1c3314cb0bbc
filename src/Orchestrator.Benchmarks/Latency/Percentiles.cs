namespace Orchestrator.Benchmarks.Latency;

/// <summary>Exact percentiles of a sample by sorting (nearest rank), as HdrHistogram reports them without its bucketing error.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values)
    {
        _sorted = [.. values];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>The value at or below which <paramref name="percent"/>% of the sample lies (NaN when empty).</summary>
    public double At(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public string Describe(string unit) =>
        Count == 0 ? "no samples" : $"p50 {At(50):F3} / p99 {At(99):F3} / p99.9 {At(99.9):F3} / max {Max:F3} {unit} (n={Count:N0})";
}
