namespace Orchestrator.Protocols.Ami.Framing;

/// <summary>Why a frame could not become a message. The reader skips such a frame and carries on.</summary>
public enum AmiFrameError
{
    None = 0,

    /// <summary>The frame was longer than the reader's maximum; its bytes were discarded up to the blank line that ended it.</summary>
    Oversized,

    /// <summary>The frame has no Response, Event or Action header. Its headers are still in <see cref="AmiFrame.Message"/>.</summary>
    Malformed,
}

/// <summary>What <see cref="AmiFrameReader"/> produced: a message, or a typed error for a frame it skipped.</summary>
public readonly struct AmiFrame
{
    private AmiFrame(AmiMessage? message, AmiFrameError error, long length, string? detail, bool isIgnored = false)
    {
        Message = message;
        Error = error;
        Length = length;
        Detail = detail;
        IsIgnored = isIgnored;
    }

    /// <summary>The message; also set for a <see cref="AmiFrameError.Malformed"/> frame (kind Unknown), so a server can still answer its ActionID.</summary>
    public AmiMessage? Message { get; }

    public AmiFrameError Error { get; }

    /// <summary>A well-formed event that the reader's <see cref="AmiEventFilter"/> does not keep: no message was made.</summary>
    public bool IsIgnored { get; }

    /// <summary>The frame's size in bytes (for a skipped frame, how many bytes were discarded).</summary>
    public long Length { get; }

    /// <summary>For an error: the beginning of the bad frame, printable, for the log.</summary>
    public string? Detail { get; }

    public static AmiFrame Ok(AmiMessage message, long length) => new(message, AmiFrameError.None, length, null);

    public static AmiFrame Failed(AmiFrameError error, long length, string? detail) => new(null, error, length, detail);

    public static AmiFrame Ignored(long length) => new(null, AmiFrameError.None, length, null, isIgnored: true);

    public static AmiFrame Malformed(AmiMessage message, long length, string detail) => new(message, AmiFrameError.Malformed, length, detail);
}
