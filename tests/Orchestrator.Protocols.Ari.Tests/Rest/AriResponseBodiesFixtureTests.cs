using System.Text.Json;
using Orchestrator.Protocols.Ari.Rest;
using Orchestrator.Protocols.Ari.Tests.Support;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ari.Tests.Rest;

/// <summary>Every REST response body in the ARI transcripts, read into the typed model (or error) it stands for.</summary>
public sealed class AriResponseBodiesFixtureTests
{
    public static TheoryData<string> Transcripts() => FixtureFiles.Transcripts("asterisk", "ari-");

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void EverySuccessBody_ReadsIntoItsTypedModel_WithEveryRecordedField(string file)
    {
        foreach (var exchange in AriScript.Exchanges(AriScript.Load(file)).Where(x => x.Response.Status is >= 200 and < 300))
        {
            var type = RecordedCalls.ResponseType(exchange.Request);
            if (type is null)
            {
                Assert.Empty(exchange.Response.Body);
                Assert.Equal(204, exchange.Response.Status);
                continue;
            }

            var model = JsonSerializer.Deserialize(exchange.Response.Body, type);
            Assert.NotNull(model);
            RecordedCalls.AssertCovers(exchange.Response, model);
        }
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void EveryErrorBody_GivesAsterisksMessage(string file)
    {
        foreach (var exchange in AriScript.For(AriScript.Load(file)).SelectMany(Responses).Where(r => r.Status >= 400))
        {
            var message = AriErrorMessage.Read(exchange.Body, exchange.Header("Content-type"));
            if (exchange.Body.Length == 0)
            {
                Assert.Null(message);
                continue;
            }

            Assert.False(string.IsNullOrWhiteSpace(message));
            Assert.DoesNotContain("{", message, StringComparison.Ordinal);
            Assert.DoesNotContain("<", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ErrorBodies_AllThreeShapesAsteriskSends()
    {
        var errors = AriScript.For(AriScript.Load("ari-errors.txt")).SelectMany(Responses).Where(r => r.Status >= 400)
            .Select(r => (r.Status, Message: AriErrorMessage.Read(r.Body, r.Header("Content-type"))))
            .ToList();
        Assert.Contains((404, "Channel not found"), errors);
        Assert.Contains((400, "Endpoint must be specified"), errors);
        Assert.Contains((500, "Allocation failed"), errors);
        Assert.Contains((422, "specified format is unknown on this system"), errors);
        Assert.Contains((401, "Authentication required"), errors);
        Assert.Contains((400, "HTTP request is missing param: [app]"), errors);
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void EveryHttpConnection_FramesIntoWholeMessages_ByContentLength(string file)
    {
        var transcript = AriScript.Load(file);
        foreach (var connection in transcript.Connections)
        {
            foreach (var direction in new[] { TranscriptDirection.Client, TranscriptDirection.Server })
            {
                var stream = transcript.Stream(connection, direction);
                var messages = HttpMessage.ParseAll(stream, out var rest);
                Assert.NotEmpty(messages);
                if (messages.Any(m => m.IsUpgrade || m.StartLine.Contains(" 101 ", StringComparison.Ordinal)) && rest.Length > 0)
                {
                    // After a 101, WebSocket frames follow (and the recorder's masked close frame): not HTTP.
                    Assert.Contains(messages, m => m.StartLine.Contains(" 101 ", StringComparison.Ordinal) || m.IsUpgrade);
                    continue;
                }

                Assert.True(rest.Length == 0, $"{file} {connection} {direction}: {rest.Length} bytes after the last whole message");
            }
        }
    }

    private static IEnumerable<HttpMessage> Responses(AriStep step) => step switch
    {
        AriStep.Exchange x => [x.Response],
        AriStep.Upgrade u => [u.Response],
        _ => [],
    };

    [Fact]
    public void WsNoApp_AnswersTwo400s_TheSecondWithoutARequest()
    {
        var transcript = AriScript.Load("ari-errors.txt");
        var responses = HttpMessage.ParseAll(transcript.Stream("ws-noapp", TranscriptDirection.Server), out var rest);
        Assert.Empty(rest);
        Assert.Equal([400, 400], responses.Select(r => r.Status));
        Assert.Equal("text/html", responses[0].Header("Content-type"));
        Assert.Equal("7, 8, 13", responses[1].Header("Sec-WebSocket-Version"));
    }
}
