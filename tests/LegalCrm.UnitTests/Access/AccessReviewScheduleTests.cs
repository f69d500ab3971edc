using LegalCrm.Web.Features.Access.Review;

namespace LegalCrm.UnitTests.Access;

public sealed class AccessReviewScheduleTests
{
    [Fact]
    public void The_next_review_is_a_quarter_after_the_last_or_after_the_first_account()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), AccessReviewSchedule.NextDue(new DateOnly(2026, 11, 30), new DateOnly(2020, 1, 1)));
        Assert.Equal(new DateOnly(2026, 4, 15), AccessReviewSchedule.NextDue(null, new DateOnly(2026, 1, 15)));
    }

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]
    [InlineData(400, true)]
    public void An_enabled_account_is_dormant_after_ninety_days_without_sign_in(int daysAgo, bool dormant)
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(dormant, AccessReviewSchedule.IsDormant(true, now.AddDays(-daysAgo), now.AddYears(-2), now));
    }

    [Fact]
    public void An_account_never_used_counts_from_its_creation_and_a_disabled_one_is_never_dormant()
    {
        var now = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        Assert.False(AccessReviewSchedule.IsDormant(true, null, now.AddDays(-10), now));
        Assert.True(AccessReviewSchedule.IsDormant(true, null, now.AddDays(-120), now));
        Assert.False(AccessReviewSchedule.IsDormant(false, null, now.AddDays(-500), now));
    }

    [Theory]
    [InlineData("2026-11-28", null)]
    [InlineData("2026-11-29", "due")]
    [InlineData("2026-12-28", "due")]
    [InlineData("2026-12-29", "overdue")]
    public void Reminders_start_on_the_due_date_and_once_more_a_month_late(string today, string? stage) =>
        Assert.Equal(stage, AccessReviewSchedule.ReminderStage(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 29)));
}
