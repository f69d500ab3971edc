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
}
