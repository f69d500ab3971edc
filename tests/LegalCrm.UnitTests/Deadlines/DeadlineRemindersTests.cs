using LegalCrm.Web.Features.Deadlines;

namespace LegalCrm.UnitTests.Deadlines;

public sealed class DeadlineRemindersTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Reminders_go_out_at_nine_in_Amsterdam_on_both_sides_of_the_spring_clock_change()
    {
        // Summer time starts on Sunday 29 March 2026: 09:00 is 08:00 UTC before it and 07:00 UTC after it.
        var schedule = DeadlineReminders.Schedule(new DateOnly(2026, 3, 30), [3, 1]);

        Assert.Equal([(3, Utc(2026, 3, 27, 8)), (1, Utc(2026, 3, 29, 7))], schedule);
    }

    [Fact]
    public void Reminders_go_out_at_nine_in_Amsterdam_on_both_sides_of_the_autumn_clock_change()
    {
        // Winter time starts on Sunday 25 October 2026.
        var schedule = DeadlineReminders.Schedule(new DateOnly(2026, 10, 26), [3, 1, 0]);

        Assert.Equal([(3, Utc(2026, 10, 23, 7)), (1, Utc(2026, 10, 25, 8)), (0, Utc(2026, 10, 26, 8))], schedule);
    }

    [Fact]
    public void A_deadline_added_late_sends_the_latest_reminder_whose_time_has_come_and_then_the_next()
    {
        var due = new DateOnly(2026, 12, 10);
        var now = Utc(2026, 12, 8, 11); // two days before: the 14, 7 and 3 day reminders have all passed

        var first = DeadlineReminders.Next(due, [14, 7, 3, 1], lastSent: null, now);

        Assert.Equal(Utc(2026, 12, 7, 8), first);
        Assert.Equal(3, DeadlineReminders.DaysBefore(due, first!.Value));
        Assert.Equal(Utc(2026, 12, 9, 8), DeadlineReminders.Next(due, [14, 7, 3, 1], first, now));
    }

    [Fact]
    public void A_reminder_not_yet_due_waits_for_its_time()
    {
        var next = DeadlineReminders.Next(new DateOnly(2026, 12, 31), [14, 7], lastSent: null, Utc(2026, 12, 1, 12));

        Assert.Equal(Utc(2026, 12, 17, 8), next);
    }

    [Fact]
    public void Nothing_is_left_after_the_last_reminder_or_once_the_due_date_is_over()
    {
        var due = new DateOnly(2026, 12, 10);

        Assert.Null(DeadlineReminders.Next(due, [1], lastSent: Utc(2026, 12, 9, 8), Utc(2026, 12, 9, 9)));
        Assert.Null(DeadlineReminders.Next(due, [1], lastSent: null, Utc(2026, 12, 10, 23, 30)));
        Assert.Null(DeadlineReminders.Next(due, [], lastSent: null, Utc(2026, 12, 1, 12)));
    }

    [Fact]
    public void A_done_deadline_plans_no_reminder_and_reopening_plans_again()
    {
        var deadline = new Deadline { DueDate = new DateOnly(2026, 12, 31), ReminderDays = [7], Status = DeadlineStatus.Done };

        deadline.PlanReminders(Utc(2026, 12, 1, 12));
        Assert.Null(deadline.NextReminderAt);

        deadline.Status = DeadlineStatus.Open;
        deadline.PlanReminders(Utc(2026, 12, 1, 12));
        Assert.Equal(Utc(2026, 12, 24, 8), deadline.NextReminderAt);
    }

    [Theory]
    // Thursday → Friday; Friday → Monday (weekend skipped); Maundy Thursday 2 April 2026 → Tuesday 7 April (Good Friday,
    // art. 3(2), the weekend and Easter Monday skipped).
    [InlineData("2026-11-26", "2026-11-27")]
    [InlineData("2026-11-27", "2026-11-30")]
    [InlineData("2026-04-02", "2026-04-07")]
    // Christmas: Thursday 24 December → Monday 28 December (25 and 26 December, then the weekend).
    [InlineData("2026-12-24", "2026-12-28")]
    public void A_fatal_deadline_escalates_on_the_working_day_before_it_ends(string today, string horizon)
    {
        Assert.Equal(DateOnly.Parse(horizon, System.Globalization.CultureInfo.InvariantCulture), DeadlineReminders.EscalationHorizon(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), DutchHolidays.WithoutDesignatedDays));
    }

    [Fact]
    public void A_designated_day_is_skipped_like_a_holiday_when_escalating()
    {
        // Friday 15 May 2026 is designated (Besluit gelijkstelling): on Wednesday 13 May the horizon skips Ascension Day (14 May), that Friday and the weekend.
        var holidays = new DutchHolidays([new DateOnly(2026, 5, 15)]);

        Assert.Equal(new DateOnly(2026, 5, 18), DeadlineReminders.EscalationHorizon(new DateOnly(2026, 5, 13), holidays));
    }

    [Fact]
    public void Escalation_waits_for_nine_in_Amsterdam()
    {
        Assert.False(DeadlineReminders.EscalationHourReached(Utc(2026, 7, 1, 6, 59)));
        Assert.True(DeadlineReminders.EscalationHourReached(Utc(2026, 7, 1, 7, 0)));
        Assert.False(DeadlineReminders.EscalationHourReached(Utc(2026, 12, 1, 7, 59)));
    }

    [Fact]
    public void Escalation_goes_to_each_backup_and_the_office_manager_once()
    {
        Guid lawyer = Guid.NewGuid(), partner = Guid.NewGuid(), backup = Guid.NewGuid(), manager = Guid.NewGuid();
        var backups = new Dictionary<Guid, Guid> { [lawyer] = backup, [partner] = backup };

        Assert.Equal([backup, manager], DeadlineReminders.EscalationRecipients([lawyer, partner], backups, manager));
        Assert.Equal([manager], DeadlineReminders.EscalationRecipients([lawyer], new Dictionary<Guid, Guid>(), manager));
    }

    [Fact]
    public void Without_backup_or_office_manager_the_responsible_people_get_the_escalation_rather_than_nobody()
    {
        Guid lawyer = Guid.NewGuid(), partner = Guid.NewGuid();

        Assert.Equal([lawyer, partner], DeadlineReminders.EscalationRecipients([lawyer, partner], new Dictionary<Guid, Guid>(), null));
    }
}
