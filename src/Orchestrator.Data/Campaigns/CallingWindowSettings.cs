using Orchestrator.Core.Compliance;

namespace Orchestrator.Data.Campaigns;

/// <summary>
/// A campaign's calling window as stored: local times in the lead's own time zone, and the open days.
/// <see cref="Start"/> equal to <see cref="End"/> means all day. An end before the start runs past midnight.
/// </summary>
public sealed record CallingWindowSettings(TimeOnly Start, TimeOnly End, CallingDays Days)
{
    /// <summary>Open at any time on any day.</summary>
    public static CallingWindowSettings AllDay { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue, CallingDays.Everyday);

    public bool IsAllDay => Start == End;

    /// <summary>The Core policy value the compliance gate works with.</summary>
    public CallingWindow ToPolicy()
    {
        var days = Enum.GetValues<DayOfWeek>().Where(day => Days.HasFlag((CallingDays)(1 << (int)day))).ToHashSet();
        return new CallingWindow(Start, End, days);
    }
}
