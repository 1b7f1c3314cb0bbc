using System.Text.Json;
using Orchestrator.Simulator.Tests.Ari.Support;

namespace Orchestrator.Simulator.Tests.Ari;

/// <summary>
/// The ARI simulator against the recordings of a real Asterisk 22: every recorded request is sent again, byte for byte
/// and at its recorded time (fake clock), and the simulator must answer with the recorded status codes and JSON field
/// sets, and deliver, for every channel, playback, recording and bridge, the recorded sequence of events.
/// </summary>
public sealed class AriTranscriptConformanceTests
{
    [Theory]
    [InlineData("ari-rest-basics")]
    [InlineData("ari-errors")]
    [InlineData("ari-originate-answered")]
    [InlineData("ari-originate-busy")]
    [InlineData("ari-dial-answered")]
    [InlineData("ari-dial-busy")]
    [InlineData("ari-dial-noanswer")]
    [InlineData("ari-bridge-record")]
    public async Task Replay_AnswersAndEventsMatchTheRecording(string fixture)
    {
        var result = await AriReplay.RunAsync(fixture);

        var problems = new List<string>();
        foreach (var (recorded, answered) in result.Exchanges)
        {
            var what = $"{recorded.Connection} {recorded.Request.Method} {recorded.Request.Target}";
            if (answered.Count != recorded.Responses.Count)
            {
                problems.Add($"{what}: {answered.Count} responses, recorded {recorded.Responses.Count}");
                continue;
            }

            foreach (var (expected, actual) in recorded.Responses.Zip(answered))
            {
                if (expected.Status != actual.Status)
                {
                    problems.Add($"{what}: status {actual.Status}, recorded {expected.Status} ({expected.BodyText})");
                }
                else if (expected.Header("Content-type") != actual.Header("Content-type"))
                {
                    problems.Add($"{what}: Content-type '{actual.Header("Content-type")}', recorded '{expected.Header("Content-type")}'");
                }
                else if (expected.Header("Content-type") == "application/json" && JsonShape.Of(expected.BodyText) != JsonShape.Of(actual.BodyText))
                {
                    problems.Add($"{what}: body {actual.BodyText}{Environment.NewLine}    recorded {expected.BodyText}");
                }
                else if (expected.Header("Content-type") == "text/html" && expected.BodyText.Replace("AsteriskLab", string.Empty, StringComparison.Ordinal) != actual.BodyText.Replace("AsteriskLab", string.Empty, StringComparison.Ordinal))
                {
                    problems.Add($"{what}: HTML body differs: {actual.BodyText}");
                }
            }
        }

        var recordedEvents = EventKeys.ByEntity(result.Recording.Events);
        var simulatedEvents = EventKeys.ByEntity(result.Events);
        foreach (var entity in recordedEvents.Keys.Union(simulatedEvents.Keys).Order(StringComparer.Ordinal))
        {
            var expected = recordedEvents.GetValueOrDefault(entity) ?? [];
            var actual = simulatedEvents.GetValueOrDefault(entity) ?? [];
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"events of {entity}:{Environment.NewLine}    simulated {string.Join(", ", actual)}{Environment.NewLine}    recorded  {string.Join(", ", expected)}");
            }
        }

        var recordedShapes = Shapes(result.Recording.Events);
        var simulatedShapes = Shapes(result.Events);
        foreach (var type in recordedShapes.Keys.Intersect(simulatedShapes.Keys))
        {
            if (!recordedShapes[type].SetEquals(simulatedShapes[type]))
            {
                problems.Add($"{type} fields: simulated {string.Join(" | ", simulatedShapes[type])}{Environment.NewLine}    recorded {string.Join(" | ", recordedShapes[type])}");
            }
        }

        Assert.True(problems.Count == 0, $"{fixture}: {problems.Count} differences{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
        Assert.Equal(result.Recording.Events.Count, result.Events.Count);
    }

    /// <summary>For each event type, the field sets it was seen with.</summary>
    private static Dictionary<string, HashSet<string>> Shapes(IEnumerable<string> events)
    {
        var shapes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var text in events)
        {
            using var document = JsonDocument.Parse(text);
            var type = document.RootElement.GetProperty("type").GetString()!;
            (shapes.TryGetValue(type, out var set) ? set : shapes[type] = []).Add(JsonShape.Of(document.RootElement));
        }

        return shapes;
    }
}
