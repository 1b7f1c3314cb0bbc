using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Protocols.Ami.Client;
using Orchestrator.Simulator.Recordings;
using Orchestrator.TestSupport;

namespace Orchestrator.Protocols.Ami.Tests.Client;

public sealed class AmiClientLoginTests
{
    [Fact]
    public void Md5Key_MatchesTheKeyAsteriskAccepted()
    {
        // ami-login.txt: Challenge 135588138, secret "secret", accepted Key f20180898ca3174cac7e2a77cc15e7ad.
        Assert.Equal("f20180898ca3174cac7e2a77cc15e7ad", AmiLogin.Md5Key("135588138", "secret"));
    }

    [Fact]
    public async Task Login_PlainWrongAndMd5_BehaveAsRecorded()
    {
        var transcript = AsteriskTranscript.Load(FixtureFiles.Path("asterisk", "ami-login.txt"));
        await using var server = new TranscriptReplayServer(transcript, "ami", "ami2", "ami3");

        // 1. Plain login without an Events header: Asterisk streams everything, FullyBooted first.
        await using var plain = NewClient(server.Port, AmiAuthentication.Plain, "secret", events: null);
        await plain.StartAsync(CancellationToken.None);
        await plain.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var first = await plain.Events.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("FullyBooted", first.EventName);
        Assert.Equal(1, first.Generation);

        // 2. Wrong secret: a clear error naming the user and where to look; never Ready.
        await using var wrong = NewClient(server.Port, AmiAuthentication.Plain, "wrong-secret", events: null);
        await wrong.StartAsync(CancellationToken.None);
        var refusal = await FirstChangeWithReason(wrong);
        Assert.Contains("refused the AMI login of 'orchestrator': Authentication failed", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("manager.conf", refusal.Reason, StringComparison.Ordinal);
        Assert.NotEqual(AmiConnectionState.Ready, wrong.State);
        await Assert.ThrowsAsync<AmiNotConnectedException>(() => wrong.SendAsync(new AmiAction("Ping"), CancellationToken.None));

        // 3. MD5 challenge with events off: the key must be the one Asterisk accepted (the server compares it).
        await using var md5 = NewClient(server.Port, AmiAuthentication.Md5Challenge, "secret", events: "off");
        await md5.StartAsync(CancellationToken.None);
        await md5.WaitUntilReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(server.Mismatches);
        Assert.Contains(server.Received, m => m.ActionName == "Login" && m["Key"] == "f20180898ca3174cac7e2a77cc15e7ad");
        Assert.DoesNotContain(server.Received, m => m["Secret"] == "secret" && m["AuthType"] == "MD5");
    }

    private static AmiClient NewClient(int port, AmiAuthentication authentication, string secret, string? events) =>
        new(new AmiClientOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "orchestrator",
            Secret = secret,
            Authentication = authentication,
            Events = events,
            KeepaliveInterval = TimeSpan.Zero,
            ReconnectDelayMax = TimeSpan.FromSeconds(30),
        }, TimeProvider.System, NullLogger<AmiClient>.Instance);

    private static async Task<AmiConnectionChange> FirstChangeWithReason(AmiClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var change = await client.ConnectionChanges.ReadAsync(timeout.Token);
            if (change.Reason is not null)
            {
                return change;
            }
        }
    }
}
