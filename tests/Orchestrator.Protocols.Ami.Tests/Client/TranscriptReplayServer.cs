using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Orchestrator.Protocols.Ami.Framing;
using Orchestrator.Simulator.Recordings;

namespace Orchestrator.Protocols.Ami.Tests.Client;

/// <summary>
/// A loopback server that plays Asterisk's side of a recorded transcript to a real client: it sends what
/// Asterisk sent, waits for each message the recorder sent and checks that the client sends the same,
/// and maps the recorded ActionIDs to the client's own so responses and list events still correlate.
/// Connections are served in the order given; any further connection is closed at once.
/// </summary>
internal sealed class TranscriptReplayServer : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Queue<(string Name, List<ScriptStep> Steps)> _scripts = new();
    private readonly List<string> _mismatches = [];
    private readonly List<AmiMessage> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly List<Task> _sessions = [];

    public TranscriptReplayServer(AsteriskTranscript transcript, params string[] connections)
    {
        foreach (var connection in connections.Length > 0 ? connections : ["ami"])
        {
            _scripts.Enqueue((connection, TranscriptScript.For(transcript, connection)));
        }

        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Differences between what the client sent and what the recorder sent.</summary>
    public IReadOnlyList<string> Mismatches
    {
        get
        {
            lock (_mismatches)
            {
                return [.. _mismatches];
            }
        }
    }

    /// <summary>Every message the client sent, across connections.</summary>
    public IReadOnlyList<AmiMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Completes when every scripted connection has played to its end.</summary>
    public Task ScriptsCompleted { get; private set; } = Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([.. _sessions, _acceptLoop]).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var all = new List<Task>();
        var done = new TaskCompletionSource();
        ScriptsCompleted = done.Task;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                if (_scripts.TryDequeue(out var script))
                {
                    var session = PlayAsync(socket, script.Name, script.Steps);
                    _sessions.Add(session);
                    all.Add(session);
                    if (_scripts.Count == 0)
                    {
                        _ = Task.WhenAll(all).ContinueWith(_ => done.TrySetResult(), TaskScheduler.Default);
                    }
                }
                else
                {
                    socket.Dispose();
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PlayAsync(Socket socket, string name, List<ScriptStep> steps)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var input = PipeReader.Create(stream);
        var frames = new AmiFrameReader(expectBanner: false);
        var actionIds = new Dictionary<string, string>(StringComparer.Ordinal);
        string? lastClientActionId = null;
        try
        {
            foreach (var step in steps)
            {
                switch (step)
                {
                    case ScriptStep.Send send:
                        var output = new ArrayBufferWriter<byte>();
                        foreach (var message in send.Messages)
                        {
                            Rewrite(message, actionIds, ref lastClientActionId).WriteTo(output);
                        }

                        await stream.WriteAsync(output.WrittenMemory, _stop.Token);
                        break;

                    case ScriptStep.Expect expect:
                        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
                        {
                            timeout.CancelAfter(StepTimeout);
                            var actual = await ReadMessageAsync(input, frames, timeout.Token);
                            if (actual is null)
                            {
                                Mismatch($"{name}: the client closed the connection; expected {expect.Message.ActionName}");
                                return;
                            }

                            lock (_received)
                            {
                                _received.Add(actual);
                            }

                            Compare(name, expect.Message, actual);
                            if (expect.Message.ActionId is { } recorded && actual.ActionId is { } mine)
                            {
                                actionIds[recorded] = mine;
                            }

                            lastClientActionId = expect.Message.ActionId is null ? actual.ActionId : null;
                        }

                        break;

                    case ScriptStep.Close:
                        return;
                }
            }

            // Played to the end: stay open until the client leaves or the server stops.
            await ReadMessageAsync(input, frames, _stop.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or SocketException)
        {
        }
        finally
        {
            await input.CompleteAsync();
        }
    }

    private static AmiMessage Rewrite(AmiMessage recorded, Dictionary<string, string> actionIds, ref string? unrecordedActionId)
    {
        var id = recorded.ActionId;
        var needsId = id is null && unrecordedActionId is not null && recorded.Kind == AmiMessageKind.Response;
        if (!needsId && (id is null || !actionIds.ContainsKey(id)))
        {
            return recorded;
        }

        // The recorder sent no ActionID here but our client always does: answer with it, as Asterisk would.
        var builder = new AmiMessageBuilder();
        for (var i = 0; i < recorded.Count; i++)
        {
            var headerName = recorded.GetName(i);
            var value = recorded.GetValue(i);
            builder.Add(headerName, string.Equals(headerName, AmiHeaders.ActionId, StringComparison.OrdinalIgnoreCase) ? actionIds[value] : value);
            if (i == 0 && needsId)
            {
                builder.Add(AmiHeaders.ActionId, unrecordedActionId!);
            }
        }

        if (needsId)
        {
            unrecordedActionId = null;
        }

        return builder.Build();
    }

    private void Compare(string connection, AmiMessage expected, AmiMessage actual)
    {
        // Lines without a colon are ignored by Asterisk (ami-errors.txt sends one on purpose): not compared.
        static HashSet<string> Headers(AmiMessage m) => m.Headers()
            .Where(h => h.Key.Length > 0 && !string.Equals(h.Key, AmiHeaders.ActionId, StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Key}: {h.Value}")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = Headers(expected).Except(Headers(actual), StringComparer.OrdinalIgnoreCase).ToList();
        var extra = Headers(actual).Except(Headers(expected), StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            Mismatch($"{connection}: {expected.ActionName}: missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
        }
    }

    private void Mismatch(string text)
    {
        lock (_mismatches)
        {
            _mismatches.Add(text);
        }
    }

    private static async Task<AmiMessage?> ReadMessageAsync(PipeReader input, AmiFrameReader frames, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (frames.TryRead(ref buffer, out var frame))
            {
                // Only consumed: what follows this frame is unread, so the next read must not wait for new bytes.
                input.AdvanceTo(buffer.Start);
                return frame.Message;
            }

            input.AdvanceTo(buffer.Start, buffer.End);

            if (result.IsCompleted)
            {
                return null;
            }
        }
    }
}
