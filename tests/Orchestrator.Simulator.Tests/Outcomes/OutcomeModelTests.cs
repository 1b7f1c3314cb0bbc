using System.Text.Json;
using Orchestrator.Simulator.Outcomes;
using Orchestrator.TestSupport;

namespace Orchestrator.Simulator.Tests.Outcomes;

/// <summary>The outcome model: the pacebench JSON, common random numbers, and draws that follow the model.</summary>
public sealed class OutcomeModelUnitTests
{
    private static string Pacebench(string file) => File.ReadAllText(FixtureFiles.Path("pacebench", file));

    [Fact]
    public void SmokeFile_LoadsEveryScenario_WithItsCallFields()
    {
        var models = OutcomeModel.FromScenarioFileJson(Pacebench("smoke.json"));

        Assert.Equal(2, models.Count);
        var first = models[0];
        Assert.Equal("n20-live30-short-smoke", first.Name);
        Assert.Equal(20261123, first.Seed);
        Assert.Equal(new OutcomeProbabilities(0.3, 0.28, 0.315, 0.07, 0.035), first.Outcomes);
        Assert.Equal(Distribution.Lognormal(9, 0.5), first.PickupSeconds);
        Assert.Equal(Distribution.Uniform(2.5, 5.0), first.Amd.MachineDecisionSeconds);
        Assert.Equal((0.05, 0.15, 8.0, 0.8), (first.Amd.FalsePositive, first.Amd.FalseNegative, first.Amd.MachineHandlingSeconds, first.Amd.HumanDecisionAfterGreetingSeconds));
        Assert.Equal(Distribution.Lognormal(120, 1.0), first.TalkSeconds);
        Assert.Equal(22, first.NoAnswerTimeoutSeconds);
    }

    [Fact]
    public void GridFile_LoadsAllTwentyFourScenarios()
    {
        Assert.Equal(24, OutcomeModel.FromScenarioFileJson(Pacebench("grid.json")).Count);
    }

    [Fact]
    public void Model_SurvivesAJsonRoundTrip()
    {
        var model = OutcomeModel.FromScenarioFileJson(Pacebench("smoke.json"))[1] with { LiveSchedule = [new LiveScheduleStep(1, 0.5)] };

        var again = OutcomeModel.FromScenarioJson(model.ToJson());

        Assert.Equal(model.ToJson(), again.ToJson());
        Assert.Equal(model.Outcomes, again.Outcomes);
        Assert.Equal(model.Amd, again.Amd);
        Assert.Equal(model.Draw(17), again.Draw(17));
    }

    [Theory]
    [InlineData("{\"dist\":\"lognormal\",\"mean\":9,\"cv\":0.5}")]
    [InlineData("{\"dist\":\"exponential\",\"mean\":3}")]
    [InlineData("{\"dist\":\"uniform\",\"min\":2.5,\"max\":5}")]
    [InlineData("{\"dist\":\"fixed\",\"value\":8}")]
    public void Distribution_IsWrittenExactlyInThePacebenchShape(string json)
    {
        var distribution = JsonSerializer.Deserialize<Distribution>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(distribution));
    }

    [Fact]
    public void Distribution_UnknownKind_IsRejectedWithTheKnownOnes()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Distribution>("{\"dist\":\"gamma\",\"mean\":1}"));

        Assert.Contains("lognormal, exponential, uniform or fixed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_SameSeedAndLead_GivesTheSameCustomer_EvenUnderAnotherModel()
    {
        var model = OutcomeModel.Demo;
        var other = model with { Outcomes = new OutcomeProbabilities(0.1, 0.2, 0.3, 0.2, 0.2) };

        for (var lead = 0; lead < 200; lead++)
        {
            var a = model.Draw(lead);
            Assert.Equal(a, model.Draw(lead));
            var b = other.Draw(lead);
            Assert.Equal((a.PickupSeconds, a.SignalSeconds, a.GreetingSeconds, a.TalkSeconds, a.WrapSeconds), (b.PickupSeconds, b.SignalSeconds, b.GreetingSeconds, b.TalkSeconds, b.WrapSeconds));
        }

        Assert.NotEqual(model.Draw(1).TalkSeconds, model.Draw(2).TalkSeconds);
        Assert.NotEqual(model.Draw(1).TalkSeconds, (model with { Seed = model.Seed + 1 }).Draw(1).TalkSeconds);
    }

    [Fact]
    public void LeadSubstreams_AreStableAcrossProcesses()
    {
        // SplitMix64 of (seed, index): a fixed function, never HashCode (randomized per process).
        Assert.Equal(LeadRandom.SeedFor(20261123, 0), LeadRandom.SeedFor(20261123, 0));
        Assert.Equal(new Random(LeadRandom.SeedFor(7, 3)).Next(), LeadRandom.For(7, 3).Next());
        // Pinned: changing the mix would change every benchmark result.
        Assert.Equal(931_035_238, LeadRandom.SeedFor(20261123, 0));
    }

    [Fact]
    public void ClassFrequencies_Over20000Draws_StayWithinStatisticalBounds()
    {
        var model = OutcomeModel.FromScenarioFileJson(Pacebench("smoke.json"))[0];
        const int n = 20_000;
        var counts = new Dictionary<OutcomeClass, int>();
        for (var lead = 0; lead < n; lead++)
        {
            var c = model.Draw(lead).Class;
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var p = model.Outcomes;
        foreach (var (cls, probability) in new[] { (OutcomeClass.Live, p.Live), (OutcomeClass.Machine, p.Machine), (OutcomeClass.NoAnswer, p.NoAnswer), (OutcomeClass.Busy, p.Busy), (OutcomeClass.Failed, p.Failed) })
        {
            var observed = counts.GetValueOrDefault(cls) / (double)n;
            var sigma = Math.Sqrt(probability * (1 - probability) / n);
            Assert.True(Math.Abs(observed - probability) < 5 * sigma, $"{cls}: {observed:P2} observed, {probability:P2} expected (5 sigma = {5 * sigma:P2})");
        }
    }

    [Fact]
    public void Samples_HaveTheDistributionsMeans()
    {
        var model = OutcomeModel.Demo;
        var draws = Enumerable.Range(0, 20_000).Select(i => model.Draw(i)).ToList();

        Assert.InRange(draws.Average(d => d.TalkSeconds), 25 * 0.97, 25 * 1.03);
        Assert.InRange(draws.Average(d => d.PickupSeconds), 5 * 0.97, 5 * 1.03);
        var humans = draws.Where(d => d.Class == OutcomeClass.Live).ToList();
        Assert.InRange(humans.Count(d => d.AmdSaysMachine) / (double)humans.Count, 0.03 - 0.01, 0.03 + 0.01);
    }

    [Fact]
    public void LiveSchedule_ScalesTheLiveProbability_AndShrinksTheOthers()
    {
        var model = OutcomeModel.Demo with { LiveSchedule = [new LiveScheduleStep(1, 2)] };

        var later = model.OutcomesAt(TimeSpan.FromHours(1.5));

        Assert.Equal(0.70, later.Live, 9);
        Assert.Equal(1.0, later.Sum, 9);
        Assert.Equal(model.Outcomes, model.OutcomesAt(TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Validate_ReportsEveryProblem_WithTheField()
    {
        var broken = OutcomeModel.Demo with
        {
            Outcomes = new OutcomeProbabilities(0.5, 0.5, 0.5, 0, 0),
            TalkSeconds = Distribution.Lognormal(-1, 0.5),
            Amd = new AmdModel { FalsePositive = 2 },
        };

        var error = Assert.Throws<OutcomeModelException>(() => broken.EnsureValid());

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("outcomes:", StringComparison.Ordinal) && p.Contains("sum to 1", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("talkSeconds:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("amd.falsePositive", StringComparison.Ordinal));
    }

    [Fact]
    public void FromScenarioJson_RejectsAnInvalidModel()
    {
        var json = Pacebench("smoke.json");
        var scenario = JsonDocument.Parse(json).RootElement.GetProperty("scenarios")[0].GetRawText().Replace("\"live\": 0.3", "\"live\": 0.4", StringComparison.Ordinal);

        Assert.Throws<OutcomeModelException>(() => OutcomeModel.FromScenarioJson(scenario));
    }
}
