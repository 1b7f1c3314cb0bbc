using System.Threading.Channels;
using Orchestrator.Protocols.Ari.Client;
using Orchestrator.Protocols.Ari.Tests.Support;

namespace Orchestrator.Protocols.Ari.Tests.Client;

/// <summary>
/// The client against Asterisk's recorded side of each ARI transcript, on a loopback server: the client
/// must send the recorded requests (method, path, query in any order, body, credentials), read every
/// recorded response into its typed result or typed error, and hand over every event, unchanged and in order.
/// </summary>
public sealed class AriClientReplayTests
{
    public static TheoryData<string> Scenarios() =>
        ["ari-originate-answered.txt", "ari-dial-busy.txt", "ari-bridge-record.txt", "ari-errors.txt", "ari-rest-basics.txt", "ari-dial-answered.txt", "ari-originate-busy.txt"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Replay_SendsTheRecordedRequests_ReadsEveryResponse_DeliversEveryEventInOrder(string file)
    {
        var steps = AriScript.For(AriScript.Load(file))
            .Where(s => s is AriStep.Event || (s is AriStep.Upgrade u && u.Connection == "ws") || (s is AriStep.Exchange x && x.Connection == "rest"))
            .ToList();
        Assert.Contains(steps, s => s is AriStep.Exchange);
        var usesEvents = steps.Any(s => s is AriStep.Upgrade);

        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var mismatches = new List<string>();
        var serving = AriReplay.ServeAsync(server, steps, mismatches, timeout.Token);
        if (usesEvents)
        {
            await host.Client.StartAsync(timeout.Token);
        }

        var driving = AriReplay.DriveAsync(usesEvents ? host.Client : null, host.Rest, steps, timeout.Token);
        await await Task.WhenAny(driving, serving);
        await Task.WhenAll(driving, serving);

        Assert.Empty(mismatches);
        Assert.False(server.Requests.TryRead(out var extra), $"unexpected request {extra?.Request}");
        if (usesEvents)
        {
            Assert.False(host.Client.Events.TryRead(out var surplus), $"unexpected event {surplus}");
            Assert.True(host.Client.IsHealthy);
            Assert.Equal(0, host.Client.RejectedMessages);
        }
    }

    [Fact]
    public async Task Replay_RestWithWrongPassword_Is401_AuthenticationErrorNamingAriConf()
    {
        var exchange = AriScript.Exchanges(AriScript.Load("ari-errors.txt"))
            .First(x => x.Connection == "rest-badauth" && x.Request.Header("Authorization") is not null);
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, o => o.Password = "wrong");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var mismatches = new List<string>();
        var serving = AriReplay.ServeAsync(server, [exchange], mismatches, timeout.Token);

        var error = await Assert.ThrowsAsync<AriAuthenticationException>(() => host.Rest.GetAsteriskInfoAsync(timeout.Token));
        await serving;

        Assert.Empty(mismatches);
        Assert.Equal("Authentication required", error.AsteriskMessage);
        Assert.Contains("ari.conf", error.Message, StringComparison.Ordinal);
        Assert.Contains("'orchestrator'", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Seen); // 401 is not transient: a GET is not retried on it
    }

    [Fact]
    public async Task Replay_EventsSocketWithWrongPassword_StaysDisconnected_WithAnErrorNamingAriConf()
    {
        var upgrade = AriScript.For(AriScript.Load("ari-errors.txt")).OfType<AriStep.Upgrade>().Single(u => u.Connection == "ws-badauth");
        await using var server = new LoopbackAriServer();
        await using var host = AriTestHost.Create(server.Port, o =>
        {
            o.Password = "wrong";
            o.ReconnectDelayMax = TimeSpan.FromMinutes(5); // a refused password waits the longest delay
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var mismatches = new List<string>();
        var serving = AriReplay.ServeAsync(server, [upgrade with { Request = WithPath(upgrade.Request) }], mismatches, timeout.Token);

        await host.Client.StartAsync(timeout.Token);
        var failed = await NextChange(host.Client, c => c.State == AriConnectionState.Disconnected, timeout.Token);
        await serving;

        Assert.Empty(mismatches);
        Assert.Contains("ari.conf", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(AriConnectionState.Disconnected, host.Client.State);
        Assert.False(host.Client.IsHealthy);
        Assert.Contains("ari.conf", host.Client.LastError, StringComparison.Ordinal);
        Assert.Single(server.Seen);
    }

    internal static async Task<AriConnectionChange> NextChange(AriClient client, Func<AriConnectionChange, bool> match, CancellationToken ct)
    {
        await foreach (var change in client.ConnectionChanges.ReadAllAsync(ct))
        {
            if (match(change))
            {
                return change;
            }
        }

        throw new ChannelClosedException();
    }

    /// <summary>The recorder's ws-badauth upgrade had no <c>subscribeAll</c>; ours always says false. Everything else must match.</summary>
    private static HttpMessage WithPath(HttpMessage recorded)
    {
        var raw = System.Text.Encoding.UTF8.GetString(recorded.Raw)
            .Replace("/ari/events?app=orchestrator ", "/ari/events?app=orchestrator&subscribeAll=false ", StringComparison.Ordinal);
        Assert.True(HttpMessage.TryParse(System.Text.Encoding.UTF8.GetBytes(raw), out var message, out _));
        return message!;
    }
}
