using System.Runtime.InteropServices;
using System.Buffers;
using System.Text;

namespace Orchestrator.Protocols.Ami.Framing;

/// <summary>
/// Cuts an AMI byte stream into messages. Pure: no socket, no clock, no logging — it is fed bytes and
/// hands back frames, so every transcript can be tested whole and one byte at a time.
/// </summary>
/// <remarks>
/// <para>
/// A message is a block of <c>Name: Value</c> lines ended by an empty line. Lines end with CRLF, but a bare
/// LF is accepted too (Asterisk has ended responses with <c>\r\n\n</c>). A line without a colon is kept
/// with an empty name. The old command-output block (<c>Response: Follows</c> … <c>--END COMMAND--</c>) is
/// read to its end marker, since its output may contain empty lines. When <c>expectBanner</c> is set, the
/// first line (<c>Asterisk Call Manager/11.0.0</c>) is a frame of its own.
/// </para>
/// <para>
/// One reader per connection: it keeps the part of a frame that arrived so far. <see cref="TryRead"/>
/// consumes what it has examined (it copies an incomplete frame aside), so a caller can always
/// <c>AdvanceTo(buffer.Start, buffer.End)</c> and each byte is scanned once.
/// </para>
/// </remarks>
public sealed class AmiFrameReader
{
    public const int DefaultMaxFrameBytes = 256 * 1024;
    private const int DetailLength = 80;
    private static ReadOnlySpan<byte> EndCommand => "--END COMMAND--"u8;

    private readonly int _maxFrameBytes;
    private readonly List<HeaderRange> _lines = new(32);
    private bool _expectBanner;

    private byte[] _pending = [];
    private int _pendingLength;
    private ScanState _scan;

    private bool _discarding;
    private DiscardState _discard;

    /// <param name="expectBanner">True on the client side: the server greets with one line before the first message.</param>
    /// <param name="maxFrameBytes">The longest frame accepted (default 256 KiB); longer ones are skipped and reported.</param>
    public AmiFrameReader(bool expectBanner, int maxFrameBytes = DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 64);
        _expectBanner = expectBanner;
        _maxFrameBytes = maxFrameBytes;
    }

    /// <summary>
    /// When set, events it does not keep (and that carry no ActionID) become <see cref="AmiFrame.IsIgnored"/> frames:
    /// cut and counted, never copied into a message.
    /// </summary>
    public AmiEventFilter? EventFilter { get; set; }

    /// <summary>Bytes of an incomplete frame held by the reader.</summary>
    public int BufferedBytes => _pendingLength;

    /// <summary>
    /// Reads the next frame from <paramref name="buffer"/> and slices off what it consumed. Returns false when
    /// the buffer holds no complete frame; the bytes it examined are then consumed and kept by the reader.
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, out AmiFrame frame)
    {
        while (!buffer.IsEmpty)
        {
            if (_discarding)
            {
                if (TryDiscard(ref buffer, out frame))
                {
                    return true;
                }

                continue;
            }

            var span = buffer.FirstSpan;
            if (_pendingLength == 0)
            {
                // Fast path: the whole frame sits in the first segment; it is copied exactly once.
                _lines.Clear();
                _scan = default;
                var end = Scan(span, ref _scan, out var contentEnd);
                if (end >= 0)
                {
                    buffer = buffer.Slice(end);
                    frame = Build(span, contentEnd, end);
                    return true;
                }
            }
            else
            {
                var before = _pendingLength;
                Append(span);
                var end = Scan(_pending.AsSpan(0, _pendingLength), ref _scan, out var contentEnd);
                if (end >= 0)
                {
                    buffer = buffer.Slice(end - before);
                    frame = Build(_pending.AsSpan(0, _pendingLength), contentEnd, end);
                    _pendingLength = 0;
                    return true;
                }

                buffer = buffer.Slice(span.Length);
                CheckPendingSize();
                continue;
            }

            // The frame continues beyond this segment: keep what was scanned and consume it.
            Append(span);
            buffer = buffer.Slice(span.Length);
            CheckPendingSize();
        }

        frame = default;
        return false;
    }

    /// <summary>
    /// Scans whole lines from <c>s.Position</c>, recording headers, until the line that ends the frame.
    /// Returns the offset just past that line, or -1 when the data ends first (the state then says where to resume).
    /// </summary>
    private int Scan(ReadOnlySpan<byte> data, ref ScanState s, out int contentEnd)
    {
        while (true)
        {
            var newline = data[s.Position..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                s.Position = data.Length;
                contentEnd = -1;
                return -1;
            }

            var lineFeed = s.Position + newline;
            var lineEnd = lineFeed > s.LineStart && data[lineFeed - 1] == (byte)'\r' ? lineFeed - 1 : lineFeed;
            var line = data[s.LineStart..lineEnd];
            var next = lineFeed + 1;

            if (!s.FrameStarted)
            {
                if (line.IsEmpty)
                {
                    // A stray empty line between messages: not a frame.
                    s.FrameStart = s.LineStart = s.Position = next;
                    continue;
                }

                s.FrameStarted = true;
                if (_expectBanner && !line.Contains((byte)':'))
                {
                    s.IsBanner = true;
                    AddLine(data, s.LineStart, lineEnd, split: false);
                    contentEnd = next;
                    return next;
                }

                s.CommandOutput = line.SequenceEqual("Response: Follows"u8);
                AddLine(data, s.LineStart, lineEnd, split: true);
            }
            else if (s.CommandOutput && !s.CommandOutputEnded)
            {
                if (line.EndsWith(EndCommand))
                {
                    s.CommandOutputEnded = true;
                    if (line.Length > EndCommand.Length)
                    {
                        AddLine(data, s.LineStart, lineEnd - EndCommand.Length, split: false);
                    }
                }
                else
                {
                    AddLine(data, s.LineStart, lineEnd, split: IsCommandResponseHeader(line));
                }
            }
            else if (line.IsEmpty)
            {
                contentEnd = s.LineStart;
                return next;
            }
            else
            {
                AddLine(data, s.LineStart, lineEnd, split: true);
            }

            s.LineStart = s.Position = next;
        }
    }

    private void AddLine(ReadOnlySpan<byte> data, int start, int end, bool split)
    {
        var colon = split ? data[start..end].IndexOf((byte)':') : -1;
        if (colon < 0)
        {
            _lines.Add(new HeaderRange(start, 0, start, end - start));
            return;
        }

        var valueStart = start + colon + 1;
        if (valueStart < end && data[valueStart] == (byte)' ')
        {
            valueStart++;
        }

        _lines.Add(new HeaderRange(start, colon, valueStart, end - valueStart));
    }

    // In an old-style command block, only these lines are headers; everything else is output text.
    private static bool IsCommandResponseHeader(ReadOnlySpan<byte> line) =>
        line.StartsWith("Privilege:"u8) || line.StartsWith("ActionID:"u8);

    private void CheckPendingSize()
    {
        // Two bytes of slack: the line in progress may be the frame's ending empty line ("\r"), which is
        // not content. Past this, the content alone is over the limit, whatever comes next.
        if (_pendingLength - _scan.FrameStart <= _maxFrameBytes + 2)
        {
            return;
        }

        // Too long: stop keeping bytes, and find the frame's end with the same rules as Scan.
        _discard = new DiscardState
        {
            Bytes = _pendingLength - _scan.FrameStart,
            Detail = Printable(_pending.AsSpan(_scan.FrameStart, Math.Min(DetailLength, _pendingLength - _scan.FrameStart))),
            FrameStarted = _scan.FrameStarted,
            BannerPossible = _expectBanner && !_scan.FrameStarted,
            CommandOutput = _scan.CommandOutput,
            CommandOutputEnded = _scan.CommandOutputEnded,
        };
        _discard.Line.Add(_pending.AsSpan(_scan.LineStart, _pendingLength - _scan.LineStart));
        _discarding = true;
        _pendingLength = 0;
        _expectBanner = false;
    }

    private bool TryDiscard(ref ReadOnlySequence<byte> buffer, out AmiFrame frame)
    {
        var span = buffer.FirstSpan;
        var position = 0;
        while (true)
        {
            var newline = span[position..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                _discard.Line.Add(span[position..]);
                _discard.Bytes += span.Length - position;
                buffer = buffer.Slice(span.Length);
                frame = default;
                return false;
            }

            _discard.Line.Add(span.Slice(position, newline));
            _discard.Bytes += newline + 1;
            position += newline + 1;
            if (_discard.EndOfLine())
            {
                buffer = buffer.Slice(position);
                _discarding = false;
                frame = AmiFrame.Failed(AmiFrameError.Oversized, _discard.Bytes, _discard.Detail);
                return true;
            }
        }
    }

    private AmiFrame Build(ReadOnlySpan<byte> data, int contentEnd, int frameEnd)
    {
        var start = _scan.FrameStart;
        var length = contentEnd - start;
        var isBanner = _scan.IsBanner;
        _expectBanner = false;

        if (length > _maxFrameBytes)
        {
            // Reported like a frame skipped in pieces: every byte through the ending empty line.
            return AmiFrame.Failed(AmiFrameError.Oversized, frameEnd - start, Printable(data.Slice(start, Math.Min(DetailLength, length))));
        }

        if (EventFilter is { } filter && !isBanner && filter.Ignores(data, CollectionsMarshal.AsSpan(_lines)))
        {
            return AmiFrame.Ignored(length);
        }

        var bytes = data.Slice(start, length).ToArray();
        var message = new AmiMessage(bytes, CollectionsMarshal.AsSpan(_lines), start, isBanner);
        return message.Kind == AmiMessageKind.Unknown
            ? AmiFrame.Malformed(message, length, Printable(bytes.AsSpan(0, Math.Min(DetailLength, length))))
            : AmiFrame.Ok(message, length);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var needed = _pendingLength + bytes.Length;
        if (needed > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(needed, Math.Max(1024, _pending.Length * 2)));
        }

        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = needed;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = char.IsControl(source[i]) ? '.' : source[i];
            }
        });
    }

    /// <summary>
    /// An oversized frame being skipped without keeping its bytes: just enough about the current line to apply
    /// Scan's rules (empty line, banner, command-output end marker), so a frame ends at the same byte whether it
    /// arrived whole or in pieces.
    /// </summary>
    private struct DiscardState
    {
        public long Bytes;
        public string? Detail;
        public bool FrameStarted;
        public bool BannerPossible;
        public bool CommandOutput;
        public bool CommandOutputEnded;
        public LineSummary Line;

        /// <summary>A line ended; returns true when it ends the frame.</summary>
        public bool EndOfLine()
        {
            var line = Line;
            Line = default;
            if (!FrameStarted)
            {
                FrameStarted = true;
                return BannerPossible && !line.HasColon;
            }

            if (CommandOutput && !CommandOutputEnded)
            {
                CommandOutputEnded = line.EndsWithEndCommand;
                return false;
            }

            return line.IsEmpty;
        }
    }

    /// <summary>What Scan needs to know of a line, kept in constant space: its length, a colon, its last bytes.</summary>
    private struct LineSummary
    {
        private const int TailLength = 16;
        private long _length;
        private TailBuffer _tail;
        private int _tailCount; // where the next byte goes in the ring of the line's last bytes

        public bool HasColon { get; private set; }

        /// <summary>Empty once a trailing CR is stripped, as Scan sees it.</summary>
        public readonly bool IsEmpty => _length == 0 || (_length == 1 && _tail[(_tailCount + TailLength - 1) % TailLength] == (byte)'\r');

        public readonly bool EndsWithEndCommand
        {
            get
            {
                Span<byte> last = stackalloc byte[TailLength];
                var count = (int)Math.Min(_length, TailLength);
                for (var i = 0; i < count; i++)
                {
                    last[i] = _tail[(_tailCount - count + i + TailLength) % TailLength];
                }

                var text = last[..count];
                if (text.Length > 0 && text[^1] == (byte)'\r')
                {
                    text = text[..^1];
                }

                return text.EndsWith(EndCommand);
            }
        }

        public void Add(ReadOnlySpan<byte> bytes)
        {
            _length += bytes.Length;
            HasColon |= bytes.Contains((byte)':');
            foreach (var b in bytes.Length > TailLength ? bytes[^TailLength..] : bytes)
            {
                _tail[_tailCount] = b;
                _tailCount = (_tailCount + 1) % TailLength;
            }
        }

        [System.Runtime.CompilerServices.InlineArray(TailLength)]
        private struct TailBuffer
        {
            private byte _first;
        }
    }

    /// <summary>How far scanning of the current frame got; offsets are into the buffer being scanned.</summary>
    private struct ScanState
    {
        public int Position;
        public int LineStart;
        public int FrameStart;
        public bool FrameStarted;
        public bool IsBanner;
        public bool CommandOutput;
        public bool CommandOutputEnded;
    }
}
