namespace LegalCrm.Web.Features.Agenda;

public enum AgendaView
{
    Day,
    Week,
    Month,
    List,
}

/// <summary>
/// The days an agenda view shows around a date, and where "previous" and "next" lead. Weeks start on Monday (as Dutch
/// calendars do); a month shows whole weeks, so its grid starts before the 1st and ends after the last day.
/// </summary>
public sealed record AgendaPeriod(AgendaView View, DateOnly Date, DateOnly From, DateOnly To, DateOnly Previous, DateOnly Next)
{
    /// <summary>How far the list view looks ahead.</summary>
    public const int ListDays = 28;

    public static AgendaPeriod Of(AgendaView view, DateOnly date)
    {
        switch (view)
        {
            case AgendaView.Day:
                return new(view, date, date, date, date.AddDays(-1), date.AddDays(1));
            case AgendaView.Week:
                var monday = StartOfWeek(date);
                return new(view, date, monday, monday.AddDays(6), date.AddDays(-7), date.AddDays(7));
            case AgendaView.Month:
                var first = new DateOnly(date.Year, date.Month, 1);
                var last = first.AddMonths(1).AddDays(-1);
                return new(view, date, StartOfWeek(first), StartOfWeek(last).AddDays(6), first.AddMonths(-1), first.AddMonths(1));
            default:
                return new(AgendaView.List, date, date, date.AddDays(ListDays - 1), date.AddDays(-ListDays), date.AddDays(ListDays));
        }
    }

    public static DateOnly StartOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The days shown, in order.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>Whether a day of the month grid lies outside the month itself (shown dimmed).</summary>
    public bool IsOutsideMonth(DateOnly day) => View == AgendaView.Month && day.Month != Date.Month;
}
