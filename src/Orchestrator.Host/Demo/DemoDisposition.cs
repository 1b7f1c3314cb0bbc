using System.Globalization;
using Orchestrator.Runtime.Agents;

namespace Orchestrator.Host.Demo;

/// <summary>
/// The fixed mix of the simulated agents' dispositions: SALE 20 %, NOINT 50 %, CALLBK 15 % (call back tomorrow),
/// WRONG 5 %, DNC 10 %, with the demo questionnaire's answers that fit each.
/// </summary>
internal sealed record DemoDisposition(string Code, bool Callback, IReadOnlyDictionary<string, string>? Answers)
{
    private static readonly string[] Plans = ["basic", "plus", "premium"];

    public static IReadOnlyList<(DemoDisposition Disposition, double Share)> Mix { get; } =
    [
        (new DemoDisposition("SALE", false, null), 0.20),
        (new DemoDisposition("NOINT", false, new Dictionary<string, string> { ["interested"] = "no" }), 0.50),
        (new DemoDisposition("CALLBK", true, new Dictionary<string, string> { ["interested"] = "yes", ["comments"] = "Busy now, call back tomorrow" }), 0.15),
        (new DemoDisposition("WRONG", false, null), 0.05),
        (new DemoDisposition("DNC", false, null), 0.10),
    ];

    /// <summary>The disposition at cumulative share <paramref name="u"/> (0–1); <paramref name="v"/> picks the plan of a sale.</summary>
    public static DemoDisposition Pick(double u, double v)
    {
        var cumulative = 0.0;
        foreach (var (disposition, share) in Mix)
        {
            cumulative += share;
            if (u < cumulative)
            {
                return disposition.Code == "SALE"
                    ? disposition with { Answers = new Dictionary<string, string> { ["interested"] = "yes", ["plan"] = Plans[Math.Min(Plans.Length - 1, (int)(v * Plans.Length))] } }
                    : disposition;
            }
        }

        return Mix[^1].Disposition;
    }

    /// <param name="submittedAt">When the disposition will be submitted; a callback is due a day later.</param>
    public DispositionSubmission ToSubmission(DateTimeOffset submittedAt) => new(
        Code,
        Callback ? submittedAt.AddDays(1) : null,
        CallbackIsPersonal: false,
        Notes: string.Create(CultureInfo.InvariantCulture, $"demo agent: {Code}"),
        Answers: Answers);
}
