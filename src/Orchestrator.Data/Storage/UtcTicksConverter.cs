using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Orchestrator.Data.Storage;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks in an integer column. Used on SQLite only:
/// SQLite has no date type, and EF cannot compare or order <see cref="DateTimeOffset"/> stored as text
/// (the offsets make text order wrong). Ticks order correctly, compare in SQL and keep the full
/// 100 ns precision of <c>datetimeoffset(7)</c> on SQL Server. Values read back carry offset zero:
/// the instant is kept, the original offset is not.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
