namespace Orchestrator.Simulator.Recordings;

/// <summary>Who wrote a transcript line.</summary>
public enum TranscriptDirection
{
    /// <summary>The client (the recorder, playing the orchestrator) sent it.</summary>
    Client,

    /// <summary>The switch sent it.</summary>
    Server,
}

/// <summary>How a transcript line maps to bytes.</summary>
public enum TranscriptLineKind
{
    /// <summary>The text, then CRLF.</summary>
    Line,

    /// <summary>The text, with no line ending (an HTTP body, a WebSocket payload).</summary>
    Bytes,

    /// <summary>Exact bytes written as a Python bytes literal.</summary>
    Literal,

    /// <summary>A note (connect, close, a WebSocket frame header): no bytes.</summary>
    Note,
}

/// <summary>One line of an Asterisk wire transcript.</summary>
/// <param name="Offset">Time since the scenario started.</param>
/// <param name="Connection">The TCP connection's name in the transcript (<c>ami</c>, <c>ws</c>, …).</param>
public sealed record TranscriptLine(
    TimeSpan Offset,
    string Connection,
    TranscriptDirection Direction,
    TranscriptLineKind Kind,
    string Text,
    byte[] Bytes);
