namespace Orchestrator.Simulator.Outcomes;

/// <summary>
/// Common random numbers: each (seed, lead index) pair gets its own <see cref="Random"/>, seeded by a fixed
/// integer mix (SplitMix64), never by <see cref="HashCode"/> (which is randomized per process).
/// </summary>
public static class LeadRandom
{
    /// <summary>The substream of one lead.</summary>
    public static Random For(long seed, long leadIndex) => new(SeedFor(seed, leadIndex));

    /// <summary>The 32-bit seed of a lead's substream; stable across processes, machines and .NET versions.</summary>
    public static int SeedFor(long seed, long leadIndex)
    {
        var mixed = SplitMix64(unchecked((ulong)seed) ^ SplitMix64(unchecked((ulong)leadIndex) + 0x9E3779B97F4A7C15UL));
        return unchecked((int)(mixed ^ (mixed >> 32)));
    }

    private static ulong SplitMix64(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
