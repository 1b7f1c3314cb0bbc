using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orchestrator.Data.Storage;

/// <summary>
/// Stores a <see cref="TimeSpan"/> as whole seconds. SQL Server's <c>time</c> type cannot hold 24 h or more
/// (abandon protection is 72 h) and SQLite would store text; seconds read the same on both.
/// Columns using it end in <c>Seconds</c>.
/// </summary>
public sealed class SecondsConverter() : ValueConverter<TimeSpan, long>(
    value => (long)value.TotalSeconds,
    seconds => TimeSpan.FromSeconds(seconds));
