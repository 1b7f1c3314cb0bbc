using Orchestrator.Protocols.Ami;
using Orchestrator.Simulator.Lab;
using Orchestrator.Simulator.Recordings;
using Orchestrator.Simulator.Tests.Support;
using Orchestrator.TestSupport;
using static Orchestrator.Simulator.Tests.Support.CallScript;

namespace Orchestrator.Simulator.Tests.Engine;

/// <summary>
/// The orchestrator dialplan has no recording, so its events are built, not replayed. Every event it builds must
/// have a header list Asterisk 22.10.1 itself sent for that event (CEL per CEL event name); ConfBridge events,
/// which the lab did not record, must have the header lists of the Asterisk 22 AMI documentation.
/// </summary>
public sealed class GeneratedEventShapeTests
{
    private static readonly string[] BridgeHeaders = ["BridgeUniqueid", "BridgeType", "BridgeTechnology", "BridgeCreator", "BridgeName", "BridgeNumChannels", "BridgeVideoSourceMode"];

    private static readonly string[] ChannelHeaders =
        ["Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context", "Exten", "Priority", "Uniqueid", "Linkedid"];

    private static readonly Dictionary<string, string[]> Documented = new(StringComparer.Ordinal)
    {
        ["ConfbridgeStart"] = ["Event", "Privilege", "Conference", .. BridgeHeaders],
        ["ConfbridgeEnd"] = ["Event", "Privilege", "Conference", .. BridgeHeaders],
        ["ConfbridgeJoin"] = ["Event", "Privilege", "Conference", .. BridgeHeaders, .. ChannelHeaders, "Admin", "Muted"],
        ["ConfbridgeLeave"] = ["Event", "Privilege", "Conference", .. BridgeHeaders, .. ChannelHeaders, "Admin"],
    };

    [Fact]
    public async Task EveryGeneratedEvent_HasAHeaderListAsteriskSent()
    {
        var recorded = RecordedShapes();
        var generated = await GenerateAsync();

        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in generated)
        {
            var key = Key(message);
            kinds.Add(key);
            var names = MessageComparer.Names(message);
            if (Documented.TryGetValue(key, out var documented))
            {
                Assert.Equal(documented, names);
                continue;
            }

            Assert.True(recorded.TryGetValue(key, out var variants), $"{key} was never recorded: {AmiTestClient.Text(message)}");
            Assert.True(variants.Any(v => v.SequenceEqual(names)), $"{key}: no recording has the header list {string.Join(", ", names)}");
        }

        // The flows below cover the whole vocabulary the AMI adapter reads.
        foreach (var expected in new[] { "Newchannel", "Newstate", "Newexten", "VarSet", "Hangup", "HangupRequest", "SoftHangupRequest", "OriginateResponse", "DialBegin", "DialState", "DialEnd", "LocalBridge", "BridgeEnter", "BridgeLeave", "ConfbridgeJoin", "ConfbridgeLeave", "CEL/HANGUP", "Cdr", "MixMonitorStart", "Status", "CoreShowChannel" })
        {
            Assert.Contains(expected, kinds);
        }
    }

    private static async Task<List<AmiMessage>> GenerateAsync()
    {
        var events = new List<AmiMessage>();
        foreach (var (model, dial, exten) in new[]
        {
            (Model(live: 1), "Local/5551234@from-orchestrator", "s"),
            (Model(live: 1), "PJSIP/5551234@trunk", "s"),
            (Model(machine: 1), "Local/5551234@from-orchestrator", "amd"),
            (Model(busy: 1), "Local/5551234@from-orchestrator", "s"),
            (Model(busy: 1), "PJSIP/5551234@trunk", "s"),
            (Model(noAnswer: 1), "Local/5551234@from-orchestrator", "s"),
            (Model(failed: 1), "Local/5551234@from-orchestrator", "s"),
        })
        {
            await using var h = Harness(model);
            var ami = await h.LoginAsync();
            await h.SendAsync(ami, Agent("1001", "agent-1"));
            await h.SendAsync(ami, Customer("att-1", exten, dial));
            await h.SendAsync(ami, Customer("att-2", exten, dial));
            h.Advance(TimeSpan.FromSeconds(2));
            var channels = h.Simulator.Control.Channels;
            if (channels.FirstOrDefault(c => c.Uniqueid == "att-1") is { State: 6 } first)
            {
                await h.SendAsync(ami, new AmiAction("MixMonitor").Add("Channel", first.Name).Add("File", "att-1.wav"));
                await h.SendAsync(ami, new AmiAction("StopMixMonitor").Add("Channel", first.Name));
                await h.SendAsync(ami, new AmiAction("Status").Add("Variables", "ORCH_LEG,CAMPAIGN"));
                await h.SendAsync(ami, new AmiAction("CoreShowChannels"));
                await h.SendAsync(ami, Redirect(first.Name, "orchestrator-connect", "1001"));
            }

            h.Advance(TimeSpan.FromSeconds(60));
            await h.SendAsync(ami, new AmiAction("Hangup").Add("Channel", h.Simulator.Control.Channels.Single(c => c.Uniqueid == "agent-1").Name));
            var ping = new AmiAction("Ping");
            await h.SendAsync(ami, ping);
            var (_, before) = await ami.ReadUntilAsync(m => m.ActionId == ping.ActionId);
            events.AddRange(before.Where(m => m.Kind == AmiMessageKind.Event));
        }

        return events;
    }

    private static Dictionary<string, List<List<string>>> RecordedShapes()
    {
        var shapes = new Dictionary<string, List<List<string>>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(FixtureFiles.Directory("asterisk"), "ami-*.txt"))
        {
            foreach (var m in RecordingReader.Read(AsteriskTranscript.Load(file)))
            {
                if (m.Direction == TranscriptDirection.Server && m.Message is { Kind: AmiMessageKind.Event } message)
                {
                    var list = shapes.TryGetValue(Key(message), out var existing) ? existing : shapes[Key(message)] = [];
                    list.Add(MessageComparer.Names(message));
                }
            }
        }

        return shapes;
    }

    private static string Key(AmiMessage message) => message.EventName == "CEL" ? "CEL/" + message["EventName"] : message.EventName;
}
