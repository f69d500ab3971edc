namespace LegalCrm.Web.Features.Deadlines;

/// <summary>Why a day is not a working day for the Algemene termijnenwet.</summary>
public enum DayOff
{
    Saturday,
    Sunday,
    NewYearsDay,
    GoodFriday,
    EasterMonday,
    KingsDay,
    LiberationDay,
    AscensionDay,
    WhitMonday,
    ChristmasDay,
    BoxingDay,

    /// <summary>A day equal to a holiday by decree (Besluit gelijkstelling, Atw art. 3(3)); kept as data, see <see cref="DesignatedHoliday"/>.</summary>
    Designated,
}

/// <summary>
/// The days that do not count as working days for statutory time limits: Saturdays, Sundays and the holidays of Atw
/// art. 3 — computed, Easter included — plus the days a decree designates, which the caller passes in (firm data).
/// </summary>
public sealed class DutchHolidays(IEnumerable<DateOnly> designatedDays)
{
    private readonly HashSet<DateOnly> designated = [.. designatedDays];

    public static readonly DutchHolidays WithoutDesignatedDays = new([]);

    /// <summary>Why <paramref name="date"/> is no working day, or null when it is one.</summary>
    public DayOff? Reason(DateOnly date)
    {
        if (HolidayOf(date) is { } holiday)
        {
            return holiday;
        }

        if (designated.Contains(date))
        {
            return DayOff.Designated;
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => DayOff.Saturday,
            DayOfWeek.Sunday => DayOff.Sunday,
            _ => null,
        };
    }

    public bool IsWorkingDay(DateOnly date) => Reason(date) is null;

    /// <summary>The generally recognised holidays of Atw art. 3(1) and (2) on that date, if any.</summary>
    public static DayOff? HolidayOf(DateOnly date)
    {
        var easter = EasterSunday(date.Year);
        return (date.Month, date.Day) switch
        {
            (1, 1) => DayOff.NewYearsDay,
            (5, 5) => DayOff.LiberationDay,
            (12, 25) => DayOff.ChristmasDay,
            (12, 26) => DayOff.BoxingDay,
            _ when date == KingsDay(date.Year) => DayOff.KingsDay,
            _ when date == easter.AddDays(-2) => DayOff.GoodFriday,
            _ when date == easter.AddDays(1) => DayOff.EasterMonday,
            _ when date == easter.AddDays(39) => DayOff.AscensionDay,
            _ when date == easter.AddDays(50) => DayOff.WhitMonday,
            _ => null,
        };
    }

    /// <summary>The King's birthday is celebrated on 27 April, or on the 26th when the 27th is a Sunday (Atw art. 3(1)).</summary>
    public static DateOnly KingsDay(int year)
    {
        var day = new DateOnly(year, 4, 27);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day;
    }

    /// <summary>Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Every holiday of the year (art. 3(1)–(2)) with the given designated days, in date order, for the holiday page.</summary>
    public IReadOnlyList<(DateOnly Date, DayOff Reason)> HolidaysIn(int year)
    {
        var days = new List<(DateOnly, DayOff)>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (Reason(date) is { } reason and not DayOff.Saturday and not DayOff.Sunday)
            {
                days.Add((date, reason));
            }
        }

        return days;
    }
}
