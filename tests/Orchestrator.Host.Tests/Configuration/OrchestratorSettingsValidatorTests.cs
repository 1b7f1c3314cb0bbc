using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orchestrator.Host.Configuration;
using Orchestrator.Host.Hosting;

namespace Orchestrator.Host.Tests.Configuration;

public sealed class OrchestratorSettingsValidatorTests
{
    private static List<string> Problems(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var problems = new List<string>();
        var bound = OrchestratorSettings.Bind(configuration, problems);
        problems.AddRange(OrchestratorSettingsValidator.Check(bound));
        return problems;
    }

    [Fact]
    public void Defaults_HaveNoProblem() => Assert.Empty(Problems());

    [Fact]
    public void UnknownProviders_ListTheValidValues()
    {
        var problems = Problems(("Database:Provider", "Postgres"), ("State:Provider", "Memcached"), ("Switch:Type", "FreeSwitch"));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Database:Provider 'Postgres'", StringComparison.Ordinal) && p.Contains("Sqlite, SqlServer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("State:Provider 'Memcached'", StringComparison.Ordinal) && p.Contains("InMemory, Redis", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Switch:Type 'FreeSwitch'", StringComparison.Ordinal) && p.Contains("Simulator, AsteriskAmi", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownSwitchType_SuggestsTheClosestName()
    {
        var problem = Assert.Single(Problems(("Switch:Type", "Asterisk")));

        Assert.Contains("did you mean AsteriskAmi?", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AsteriskAmi_WithoutAccount_NamesEveryMissingKeyAndItsFix()
    {
        var problems = Problems(("Switch:Type", "AsteriskAmi"));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Switch:Ami:Host is empty. Set Switch:Ami:Host to your Asterisk's address, e.g. 10.0.0.5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Switch:Ami:Username is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Switch:Ami:Secret is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionStrings_ThatDoNotParse_AreReportedPerProvider()
    {
        Assert.Contains(Problems(("Database:ConnectionString", "Data Source=x.db;Colour=blue")), p => p.StartsWith("Database:ConnectionString is not a valid SQLite connection string", StringComparison.Ordinal));
        Assert.Contains(
            Problems(("Database:Provider", "SqlServer"), ("Database:ConnectionString", "Server=sql1;Flavour=strong")),
            p => p.StartsWith("Database:ConnectionString is not a valid SQL Server connection string", StringComparison.Ordinal));
        Assert.Contains(
            Problems(("State:Provider", "Redis"), ("State:Redis:ConnectionString", "localhost:6379,flavour=strong")),
            p => p.StartsWith("State:Redis:ConnectionString does not parse", StringComparison.Ordinal));
        Assert.Contains(Problems(("State:Provider", "Redis")), p => p.StartsWith("State:Redis:ConnectionString is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionStringProblems_DoNotEchoTheSecretValue()
    {
        var problem = Assert.Single(Problems(("Database:Provider", "SqlServer"), ("Database:ConnectionString", "Server=sql1;Password=hunter2;Flavour=x")));

        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangeNumbers_AreAllReportedWithTheirRange()
    {
        var problems = Problems(("Demo:Leads", "-1"), ("Demo:Agents", "500"), ("Demo:RunMinutes", "-2"), ("Runtime:HopperTarget", "0"), ("Simulator:AmiPort", "70000"), ("Switch:Ami:Port", "0"));

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Demo:Agents is 500. Set it between 1 and 99", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Runtime:HopperTarget is 0. Set it between 1 and 10000", StringComparison.Ordinal));
    }

    [Fact]
    public void ValuesThatDoNotConvert_AndUnknownKeys_AreReportedAlongsideTheRest()
    {
        var problems = Problems(("Demo:Leads", "lots"), ("Demo:Agnets", "5"), ("Runtime:PacerTick", "soon"), ("Switch:Type", "Nope"));

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Demo:Leads is 'lots', which is not a whole number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Demo:Agnets is not a setting", StringComparison.Ordinal) && p.Contains("Agents", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Runtime:PacerTick is 'soon', which is not a duration", StringComparison.Ordinal));
    }

    [Fact]
    public void HalfFilledAmiSection_IsCheckedEvenWhenTheSwitchTypeIsMistyped()
    {
        var problems = Problems(("Switch:Type", "Asterisk"), ("Switch:Ami:Hots", "10.0.0.5"), ("Switch:Ami:Username", "orchestrator"), ("Switch:Ami:Secret", "s3cret"));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Switch:Ami:Hots is not a setting", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Switch:Ami:Host is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void OutcomeModel_ThatIsNeitherANameNorAFile_IsReported()
    {
        var problem = Assert.Single(Problems(("Simulator:OutcomeModel", "/nowhere/model.json")));

        Assert.StartsWith("Simulator:OutcomeModel '/nowhere/model.json' is neither Demo nor Standard nor an existing file", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupFailure_FlattensAggregatedValidationFailures_IntoOneNumberedMessage()
    {
        var error = new AggregateException(
            new OptionsValidationException("a", typeof(object), ["first problem"]),
            new OptionsValidationException("b", typeof(object), ["second problem", "third problem"]));

        Assert.True(StartupFailure.IsConfiguration(error, out var problems));
        var message = StartupFailure.Describe(problems);

        Assert.StartsWith("Outbound Orchestrator cannot start: 3 configuration problems.", message, StringComparison.Ordinal);
        Assert.Contains("  3. third problem", message, StringComparison.Ordinal);
        Assert.False(StartupFailure.IsConfiguration(new InvalidOperationException("boom"), out _));
    }
}
