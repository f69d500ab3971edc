namespace LegalCrm.Web.Infrastructure.Time;

/// <summary>
/// The one time zone conversion. The database stores UTC; people see and enter Europe/Amsterdam, and calendar
/// dates (deadlines, filters) are Amsterdam dates.
/// </summary>
public static class AmsterdamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The Amsterdam calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>The UTC instant at which an Amsterdam calendar day starts (handles the DST switch days).</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date) => FromLocal(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified));

    /// <summary>The UTC instant of an Amsterdam wall-clock time (as a form's datetime-local gives it).</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
