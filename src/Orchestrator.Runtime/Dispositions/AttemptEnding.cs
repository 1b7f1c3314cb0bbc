using Orchestrator.Core.Calls;
using Orchestrator.Data.Attempts;

namespace Orchestrator.Runtime.Dispositions;

/// <summary>How and when an attempt's call ended: the final fields of its row.</summary>
internal sealed record AttemptEnding(Guid AttemptId, AttemptResult Result, HangupCause Cause, string? RawCause, DateTimeOffset At);
