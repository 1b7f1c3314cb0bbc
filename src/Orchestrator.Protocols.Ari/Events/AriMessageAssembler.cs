using System.Buffers;

namespace Orchestrator.Protocols.Ari.Events;

/// <summary>What <see cref="AriMessageAssembler.Append"/> made of a fragment.</summary>
public enum AriAssembleStatus
{
    /// <summary>The message continues in a later fragment.</summary>
    Incomplete,

    /// <summary>A whole message is ready.</summary>
    Complete,

    /// <summary>The message that just ended was larger than the maximum; its bytes were discarded.</summary>
    TooLarge,
}

/// <summary>
/// Joins the fragments of a WebSocket message (frames, and partial reads of one frame) into one message,
/// with a size cap: an oversized message is discarded as it streams in and reported once, when it ends,
/// so the connection survives it. Pure: feed it bytes, no socket needed.
/// </summary>
public sealed class AriMessageAssembler
{
    /// <summary>The default cap: 1 MiB (an event with many <c>channelvars</c> is a few KiB).</summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly int _maxMessageBytes;
    private long _discarded;
    private bool _discarding;
    private bool _pendingReset;

    public AriMessageAssembler(int maxMessageBytes = DefaultMaxMessageBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>The length of the last message reported <see cref="AriAssembleStatus.TooLarge"/>.</summary>
    public long LastDiscardedLength { get; private set; }

    /// <summary>
    /// Adds a fragment. On <see cref="AriAssembleStatus.Complete"/>, <paramref name="message"/> holds the
    /// whole message until the next call (it may be <paramref name="fragment"/> itself when the message
    /// came in one piece).
    /// </summary>
    public AriAssembleStatus Append(ReadOnlySpan<byte> fragment, bool endOfMessage, out ReadOnlySpan<byte> message)
    {
        message = default;
        if (_pendingReset)
        {
            _buffer.ResetWrittenCount();
            _pendingReset = false;
        }

        if (_buffer.WrittenCount == 0 && !_discarding && endOfMessage && fragment.Length <= _maxMessageBytes)
        {
            message = fragment;
            return AriAssembleStatus.Complete;
        }

        if (!_discarding && (long)_buffer.WrittenCount + fragment.Length > _maxMessageBytes)
        {
            _discarding = true;
            _discarded = _buffer.WrittenCount;
            _buffer.ResetWrittenCount();
        }

        if (_discarding)
        {
            _discarded += fragment.Length;
            if (!endOfMessage)
            {
                return AriAssembleStatus.Incomplete;
            }

            LastDiscardedLength = _discarded;
            _discarding = false;
            _discarded = 0;
            return AriAssembleStatus.TooLarge;
        }

        _buffer.Write(fragment);
        if (!endOfMessage)
        {
            return AriAssembleStatus.Incomplete;
        }

        message = _buffer.WrittenSpan;
        _pendingReset = true;
        return AriAssembleStatus.Complete;
    }
}
