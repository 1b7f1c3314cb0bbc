using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ami.Tests.Client;

/// <summary>
/// The client against Asterisk's recorded side of each transcript: it must log in as the recorder did,
/// send the recorded actions, correlate every response and list, and hand over every event, unchanged
/// and in order.
/// </summary>
public sealed class AmiClientReplayTests
{
    private static readonly string[] SelfSentActions = ["Login", "Challenge", "Logoff"];

    public static TheoryData<string> SingleConnectionTranscripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in FixtureFiles.Transcripts("asterisk", "ami-"))
        {
            if (file != "ami-login.txt")
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SingleConnectionTranscripts))]
    public async Task Replay_DeliversEveryRecordedEventInOrder_AndCorrelatesEveryResponse(string file)
    {
        var (expected, events, ignored) = await ReplayAsync(file, filter: null);

        Assert.Equal(expected.Select(Describe), events.Select(Describe));
        Assert.Equal(0, ignored);
    }

    [Theory]
    [MemberData(nameof(SingleConnectionTranscripts))]
    public async Task Replay_WithAnEventFilter_DeliversExactlyTheKeptEvents_AndCountsTheRest(string file)
    {
        var filter = new AmiEventFilter([
            new AmiEventRule("Newchannel"),
            new AmiEventRule("Hangup"),
            new AmiEventRule("OriginateResponse"),
            new AmiEventRule("VarSet", "Variable", "AMDSTATUS"),
        ]);

        var (expected, events, ignored) = await ReplayAsync(file, filter);

        // Said independently of the filter's code: what the rules above mean, read from each whole message.
        static bool Kept(AmiMessage m) => m.ActionId is not null
            || m.EventName is "Newchannel" or "Hangup" or "OriginateResponse"
            || (m.EventName == "VarSet" && m.ValueEquals("Variable", "AMDSTATUS"));
        Assert.Equal(expected.Where(Kept).Select(Describe), events.Select(Describe));
        Assert.Equal(expected.Count(m => !Kept(m)), ignored);
    }

    private static async Task<(List<AmiMessage> Expected, List<AmiMessage> Events, long Ignored)> ReplayAsync(string file, AmiEventFilter? filter)
    {
        var transcript = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", file));
        var script = TranscriptScript.For(transcript, "ami");
        await using var server = new TranscriptReplayServer(transcript, "ami");
        var client = new AmiClient(OptionsLike(script, server.Port), TimeProvider.System, NullLogger<AmiClient>.Instance) { EventFilter = filter };
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var sends = new List<Task>();
        foreach (var (action, isList) in RecordedActions(script))
        {
            // Pipelined, as the recorder sent them: the server checks the order.
            sends.Add(isList ? client.SendListAsync(action, CancellationToken.None) : client.SendAsync(action, CancellationToken.None));
        }

        var outcomes = await Task.WhenAll(sends.Select(Settle)).WaitAsync(TimeSpan.FromSeconds(20));
        var expectedEvents = RecordedEvents(script, transcript);

        // Every recorded event is either delivered or ignored; the Logoff's response comes after all of them.
        var events = new List<AmiMessage>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (events.Count + client.IgnoredEvents < expectedEvents.Count)
        {
            if (!client.Events.TryRead(out var message))
            {
                await Task.Delay(10, timeout.Token);
                continue;
            }

            events.Add(message);
        }

        await client.DisposeAsync();
        while (client.Events.TryRead(out var late))
        {
            events.Add(late);
        }

        Assert.Empty(server.Mismatches);
        Assert.All(outcomes, o => Assert.True(o is null or AmiActionFailedException, $"{file}: {o}"));
        Assert.Contains(server.Received, m => m.ActionName == "Logoff");
        return (expectedEvents, events, client.IgnoredEvents);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a filter that keeps no list event: list items carry the action's ActionID, so they are kept
    public async Task Replay_ListAction_CollectsItemsUntilComplete(bool filtered)
    {
        var transcript = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", "ami-coreshowchannels-status.txt"));
        var script = TranscriptScript.For(transcript, "ami");
        await using var server = new TranscriptReplayServer(transcript, "ami");
        await using var client = new AmiClient(OptionsLike(script, server.Port), TimeProvider.System, NullLogger<AmiClient>.Instance)
        {
            EventFilter = filtered ? new AmiEventFilter(["Hangup"]) : null,
        };
        await client.StartAsync(CancellationToken.None);
        await client.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var actions = RecordedActions(script).ToList();
        var tasks = actions.Select(a => a.IsList ? client.SendListAsync(a.Action, CancellationToken.None) : (Task)client.SendAsync(a.Action, CancellationToken.None)).ToList();
        await Task.WhenAll(tasks.Select(Settle)).WaitAsync(TimeSpan.FromSeconds(20));

        var first = await (Task<AmiListResponse>)tasks[actions.FindIndex(a => a.Action.Name == "CoreShowChannels")];
        Assert.Equal(10, first.Items.Count);
        Assert.All(first.Items, i => Assert.Equal("CoreShowChannel", i.EventName));
        Assert.Equal("10", first.Complete![AmiHeaders.ListItems]);
        var last = await (Task<AmiListResponse>)tasks[actions.FindLastIndex(a => a.Action.Name == "CoreShowChannels")];
        Assert.Empty(last.Items);
    }

    internal static AmiClientOptions OptionsLike(List<ScriptStep> script, int port)
    {
        var expected = script.OfType<ScriptStep.Expect>().Select(e => e.Message).ToList();
        var login = expected.First(m => m.ActionName == "Login");
        return new AmiClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Username = login["Username"]!,
            Secret = "secret",
            Authentication = expected.Any(m => m.ActionName == "Challenge") ? AmiAuthentication.Md5Challenge : AmiAuthentication.Plain,
            Events = login["Events"],
            KeepaliveInterval = TimeSpan.Zero,
        };
    }

    private static IEnumerable<(AmiAction Action, bool IsList)> RecordedActions(List<ScriptStep> script)
    {
        for (var i = 0; i < script.Count; i++)
        {
            if (script[i] is not ScriptStep.Expect { Message: var recorded } || SelfSentActions.Contains(recorded.ActionName) || recorded.Kind != AmiMessageKind.Action)
            {
                continue;
            }

            var action = new AmiAction(recorded.ActionName);
            for (var h = 1; h < recorded.Count; h++)
            {
                if (recorded.NameBytes(h).Length > 0 && !string.Equals(recorded.GetName(h), AmiHeaders.ActionId, StringComparison.OrdinalIgnoreCase))
                {
                    action.Add(recorded.GetName(h), recorded.GetValue(h));
                }
            }

            var isList = script.Skip(i + 1).OfType<ScriptStep.Send>().SelectMany(s => s.Messages)
                .FirstOrDefault(m => m.Kind == AmiMessageKind.Response && m.ActionId == recorded.ActionId)?
                .ValueEquals(AmiHeaders.EventList, "start") ?? false;
            yield return (action, isList);
        }
    }

    /// <summary>Events the client should hand over: all recorded events except list items and what follows a Logoff.</summary>
    private static List<AmiMessage> RecordedEvents(List<ScriptStep> script, AsteriskTranscript transcript)
    {
        var listIds = script.OfType<ScriptStep.Send>().SelectMany(s => s.Messages)
            .Where(m => m.Kind == AmiMessageKind.Response && m.ValueEquals(AmiHeaders.EventList, "start"))
            .Select(m => m.ActionId).ToHashSet();
        var events = new List<AmiMessage>();
        foreach (var step in script)
        {
            if (step is ScriptStep.Expect { Message.ActionName: "Logoff" })
            {
                break;
            }

            if (step is ScriptStep.Send send)
            {
                events.AddRange(send.Messages.Where(m => m.Kind == AmiMessageKind.Event && (m.ActionId is null || !listIds.Contains(m.ActionId))));
            }
        }

        Assert.True(events.Count > 0 || transcript.Name is "ami-basic-actions" or "ami-errors" or "ami-coreshowchannels-status", $"{transcript.Name} has no events?");
        return events;
    }

    /// <summary>An event as its headers, ActionIDs aside (the client uses its own).</summary>
    private static string Describe(AmiMessage message) => string.Join("|", message.Headers()
        .Where(h => !string.Equals(h.Key, AmiHeaders.ActionId, StringComparison.OrdinalIgnoreCase))
        .Select(h => $"{h.Key}={h.Value}"));

    private static async Task<Exception?> Settle(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
