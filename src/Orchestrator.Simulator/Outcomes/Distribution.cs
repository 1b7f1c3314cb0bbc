using System.Globalization;
using System.Text.Json.Serialization;

namespace Orchestrator.Simulator.Outcomes;

/// <summary>
/// A duration distribution in seconds, in the pacebench JSON shape (<c>{"dist":"lognormal","mean":9,"cv":0.5}</c>).
/// Sampling consumes a fixed number of uniforms per kind, so a lead's substream stays aligned across runs.
/// </summary>
[JsonConverter(typeof(DistributionJsonConverter))]
public sealed record Distribution
{
    private Distribution(DistributionKind kind, double mean, double cv, double min, double max, double value)
    {
        Kind = kind;
        Mean = mean;
        Cv = cv;
        Min = min;
        Max = max;
        Value = value;
    }

    public DistributionKind Kind { get; }

    /// <summary>Lognormal and exponential: the mean.</summary>
    public double Mean { get; }

    /// <summary>Lognormal: the coefficient of variation (standard deviation / mean).</summary>
    public double Cv { get; }

    /// <summary>Uniform: the lower bound.</summary>
    public double Min { get; }

    /// <summary>Uniform: the upper bound.</summary>
    public double Max { get; }

    /// <summary>Fixed: the value.</summary>
    public double Value { get; }

    public static Distribution Lognormal(double mean, double cv) => new(DistributionKind.Lognormal, mean, cv, 0, 0, 0);

    public static Distribution Exponential(double mean) => new(DistributionKind.Exponential, mean, 0, 0, 0, 0);

    public static Distribution Uniform(double min, double max) => new(DistributionKind.Uniform, 0, 0, min, max, 0);

    public static Distribution Fixed(double value) => new(DistributionKind.Fixed, 0, 0, 0, 0, value);

    /// <summary>The distribution's mean.</summary>
    public double Expected => Kind switch
    {
        DistributionKind.Lognormal or DistributionKind.Exponential => Mean,
        DistributionKind.Uniform => (Min + Max) / 2,
        _ => Value,
    };

    /// <summary>One draw, in seconds.</summary>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (Kind)
        {
            case DistributionKind.Lognormal:
                // mean m, cv c  =>  sigma^2 = ln(1 + c^2), mu = ln m - sigma^2 / 2 (Box-Muller: two uniforms).
                var sigma2 = Math.Log(1 + (Cv * Cv));
                var mu = Math.Log(Mean) - (sigma2 / 2);
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
                return Math.Exp(mu + (Math.Sqrt(sigma2) * z));
            case DistributionKind.Exponential:
                return -Mean * Math.Log(1.0 - random.NextDouble());
            case DistributionKind.Uniform:
                return Min + ((Max - Min) * random.NextDouble());
            default:
                return Value;
        }
    }

    /// <summary>Every problem with this distribution, each naming <paramref name="path"/>.</summary>
    public IEnumerable<string> Validate(string path)
    {
        switch (Kind)
        {
            case DistributionKind.Lognormal:
                if (!(Mean > 0) || double.IsInfinity(Mean))
                {
                    yield return $"{path}: a lognormal needs a positive finite mean (got {Format(Mean)}).";
                }

                if (!(Cv >= 0) || double.IsInfinity(Cv))
                {
                    yield return $"{path}: a lognormal needs cv >= 0 (got {Format(Cv)}).";
                }

                break;
            case DistributionKind.Exponential:
                if (!(Mean > 0) || double.IsInfinity(Mean))
                {
                    yield return $"{path}: an exponential needs a positive finite mean (got {Format(Mean)}).";
                }

                break;
            case DistributionKind.Uniform:
                if (!(Min >= 0) || !(Max >= Min) || double.IsInfinity(Max))
                {
                    yield return $"{path}: a uniform needs 0 <= min <= max (got min {Format(Min)}, max {Format(Max)}).";
                }

                break;
            default:
                if (!(Value >= 0) || double.IsInfinity(Value))
                {
                    yield return $"{path}: a fixed duration must be >= 0 (got {Format(Value)}).";
                }

                break;
        }
    }

    public override string ToString() => Kind switch
    {
        DistributionKind.Lognormal => $"lognormal(mean {Format(Mean)}, cv {Format(Cv)})",
        DistributionKind.Exponential => $"exponential(mean {Format(Mean)})",
        DistributionKind.Uniform => $"uniform({Format(Min)}..{Format(Max)})",
        _ => $"fixed({Format(Value)})",
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
