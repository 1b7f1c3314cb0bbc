using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Protocols.Ami;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Simulator.Ami;
using Orchestrator.Simulator.Lab;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Simulator.Tests.Support;

/// <summary>
/// Plays the client side of a recorded transcript against the simulator over real sockets, on the recording's
/// timing (fake clock), and compares every server message with the recorded one. Identifiers the simulator
/// chose differently (channel names, Uniqueids, the MD5 challenge) are carried into later client actions.
/// </summary>
internal static partial class TranscriptReplayer
{
    private static readonly string[] ListItemEvents = ["CoreShowChannel", "Status"];

    /// <returns>How many server messages were compared.</returns>
    /// <param name="differing">Collects <c>Event.Header</c> for every value that differs from the recording (Shape comparisons).</param>
    public static async Task<int> RunAsync(string fixture, Strictness strictness, AsteriskAmiSimulatorOptions? options = null, ISet<string>? differing = null)
    {
        var transcript = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", fixture + ".txt"));
        var recorded = RecordingReader.Read(transcript);
        await using var harness = new SimulatorHarness(options);
        var clients = new Dictionary<string, AmiTestClient>();
        var challenges = new Dictionary<string, string>();
        var learned = new Dictionary<string, string>(StringComparer.Ordinal);
        long sent = 0;
        var compared = 0;
        try
        {
            for (var i = 0; i < recorded.Count; i++)
            {
                var m = recorded[i];
                var where = $"{fixture} at +{m.Offset.TotalSeconds:0.000} on '{m.Connection}'";
                await harness.WaitForDispatchedAsync(sent);
                harness.AdvanceTo(m.Offset);
                if (m.Note is not null)
                {
                    if (m.Direction == TranscriptDirection.Client)
                    {
                        await clients[m.Connection].DisposeAsync();
                    }
                    else
                    {
                        await clients[m.Connection].ExpectClosedAsync();
                    }

                    continue;
                }

                if (m.IsBanner)
                {
                    var client = await AmiTestClient.ConnectAsync(harness.Simulator.Port);
                    clients[m.Connection] = client;
                    Assert.Equal(AmiTestClient.Text(m.Message!), AmiTestClient.Text(await client.ReadAsync()));
                    compared++;
                    continue;
                }

                if (m.Direction == TranscriptDirection.Client)
                {
                    await clients[m.Connection].SendRawAsync(Rewrite(m.Bytes, learned, challenges.GetValueOrDefault(m.Connection)));
                    sent++;
                    continue;
                }

                if (ListItemEvents.Contains(m.Message!.EventName))
                {
                    var items = new List<AmiMessage>();
                    while (i < recorded.Count && recorded[i].Connection == m.Connection && recorded[i].Direction == TranscriptDirection.Server
                        && recorded[i].Message?.EventName == m.Message.EventName)
                    {
                        items.Add(recorded[i++].Message!);
                    }

                    i--;
                    await CompareListAsync(clients[m.Connection], items, strictness, where, learned, differing);
                    compared += items.Count;
                    continue;
                }

                var actual = await clients[m.Connection].ReadAsync();
                MessageComparer.AssertMatches(m.Message, actual, strictness, $"{where} ({m.Message.GetValue(0)})", learned, differing);
                if (actual["Challenge"] is { } challenge)
                {
                    challenges[m.Connection] = challenge;
                }

                compared++;
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                await client.DisposeAsync();
            }
        }

        return compared;
    }

    /// <summary>The channel sequence number the recording's first channel had (a lab Asterisk that had run a while).</summary>
    public static int FirstChannelSequence(string fixture)
    {
        var text = File.ReadAllText(FixtureFiles.Path("asterisk", fixture + ".txt"));
        var match = SequencePattern().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// A list (CoreShowChannels, Status) comes in Asterisk's hash order, which no simulator can promise: items are
    /// paired by Uniqueid where the Originate fixed it, otherwise in order.
    /// </summary>
    private static async Task CompareListAsync(AmiTestClient client, List<AmiMessage> expected, Strictness strictness, string where, Dictionary<string, string> learned, ISet<string>? differing)
    {
        var actual = new List<AmiMessage>();
        for (var i = 0; i < expected.Count; i++)
        {
            actual.Add(await client.ReadAsync());
        }

        var unmatched = new List<AmiMessage>(actual);
        foreach (var item in expected.OrderBy(e => actual.Any(a => a["Uniqueid"] == e["Uniqueid"]) ? 0 : 1))
        {
            var pair = unmatched.FirstOrDefault(a => a["Uniqueid"] == item["Uniqueid"])
                ?? unmatched.FirstOrDefault(a => WithoutSequence(a["Channel"]) == WithoutSequence(item["Channel"]))
                ?? unmatched.FirstOrDefault(a => a.EventName == item.EventName);
            Assert.NotNull(pair);
            unmatched.Remove(pair);
            MessageComparer.AssertMatches(item, pair, strictness, $"{where} ({item.EventName} {item["Channel"]})", learned, differing);
        }
    }

    /// <summary><c>Local/2002@sim-agents-00000035;1</c> → <c>Local/2002@sim-agents;1</c>: the same channel in any run.</summary>
    private static string? WithoutSequence(string? channel) => channel is null ? null : ChannelSequencePattern().Replace(channel, string.Empty);

    /// <summary>The recorded client bytes with this run's identifiers (and the MD5 key for this run's challenge).</summary>
    private static byte[] Rewrite(byte[] bytes, Dictionary<string, string> learned, string? challenge)
    {
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var (recorded, actual) in learned.OrderByDescending(p => p.Key.Length))
        {
            text = text.Replace(recorded, actual, StringComparison.Ordinal);
        }

        if (challenge is not null)
        {
            text = KeyPattern().Replace(text, "Key: " + AmiLogin.Md5Key(challenge, "secret"));
        }

        return Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex(@"-[0-9a-f]{8}(?=;|$)")]
    private static partial Regex ChannelSequencePattern();

    [GeneratedRegex(@"Key: [0-9a-f]{32}")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"@sim-customers-([0-9a-f]{8});")]
    private static partial Regex SequencePattern();
}
