using LegalCrm.Web.Infrastructure.Time;
using Microsoft.Extensions.Time.Testing;

namespace LegalCrm.UnitTests.Infrastructure;

public sealed class AmsterdamTimeTests
{
    [Theory]
    [InlineData(2026, 1, 15, "2026-01-14T23:00:00+00:00")] // winter time, UTC+1
    [InlineData(2026, 7, 15, "2026-07-14T22:00:00+00:00")] // summer time, UTC+2
    [InlineData(2026, 3, 29, "2026-03-28T23:00:00+00:00")] // the day clocks go forward starts in winter time
    [InlineData(2026, 10, 25, "2026-10-24T22:00:00+00:00")] // the day clocks go back starts in summer time
    public void A_calendar_day_starts_at_midnight_in_amsterdam(int year, int month, int day, string expectedUtc) =>
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), AmsterdamTime.StartOfDayUtc(new DateOnly(year, month, day)));

    [Fact]
    public void Today_is_the_amsterdam_date_not_the_utc_date()
    {
        var lateEveningUtc = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 7, 1), AmsterdamTime.Today(lateEveningUtc));
    }

    [Fact]
    public void Local_time_carries_the_amsterdam_offset() =>
        Assert.Equal(TimeSpan.FromHours(2), AmsterdamTime.ToLocal(new DateTimeOffset(2026, 8, 1, 12, 0, 0, TimeSpan.Zero)).Offset);
}
