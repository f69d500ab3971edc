using LegalCrm.Web.Infrastructure.Time;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// When a deadline's reminders go out: at 09:00 Amsterdam time (summer and winter alike) on each chosen day before the
/// due date. One reminder is pending at a time (<see cref="Deadline.NextReminderAt"/>): the latest one whose time has
/// come catches up — after a deadline was added late, or the job could not run — and the rest wait for their time.
/// Nothing is sent once the due date is over: an overdue deadline is a different message.
/// </summary>
public static class DeadlineReminders
{
    public static readonly TimeOnly TimeOfDay = new(9, 0);

    /// <summary>The reminder moments of a deadline, earliest first, with how many days before the due date each is.</summary>
    public static IReadOnlyList<(int DaysBefore, DateTimeOffset At)> Schedule(DateOnly due, IEnumerable<int> daysBefore) =>
        daysBefore.Distinct()
            .Select(days => (days, AmsterdamTime.FromLocal(due.AddDays(-days).ToDateTime(TimeOfDay))))
            .OrderBy(slot => slot.Item2)
            .ToList();

    /// <summary>
    /// The moment of the reminder to send next, after the one sent last (<paramref name="lastSent"/>), or null when none
    /// is left.
    /// </summary>
    public static DateTimeOffset? Next(DateOnly due, IEnumerable<int> daysBefore, DateTimeOffset? lastSent, DateTimeOffset now)
    {
        if (now >= AmsterdamTime.StartOfDayUtc(due.AddDays(1)))
        {
            return null;
        }

        var open = Schedule(due, daysBefore).Where(slot => lastSent is null || slot.At > lastSent).ToList();
        var arrived = open.Where(slot => slot.At <= now).ToList();
        return arrived.Count > 0 ? arrived[^1].At : open.Count > 0 ? open[0].At : null;
    }

    /// <summary>How many days before the due date a reminder moment is (0 on the day itself).</summary>
    public static int DaysBefore(DateOnly due, DateTimeOffset at) =>
        due.DayNumber - AmsterdamTime.DateOf(at).DayNumber;

    /// <summary>
    /// The last due date that escalates today: a fatal deadline still open one working day before it ends goes to the
    /// responsible people's backups and the office manager. From the working day before the due date (Friday for a
    /// Monday, Thursday for Easter Monday's Tuesday… counting Atw art. 3 holidays) until the end of the due date itself,
    /// so a run that was missed catches up.
    /// </summary>
    public static DateOnly EscalationHorizon(DateOnly today, DutchHolidays holidays)
    {
        var next = today.AddDays(1);
        while (!holidays.IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>Escalation goes out at the reminders' hour on its day.</summary>
    public static bool EscalationHourReached(DateTimeOffset now) =>
        TimeOnly.FromDateTime(AmsterdamTime.ToLocal(now).DateTime) >= TimeOfDay;

    /// <summary>
    /// Who receives an escalation: each responsible person's backup and the office manager, once each. When the firm has
    /// named neither, the responsible people themselves, so the warning is never dropped.
    /// </summary>
    public static IReadOnlyList<Guid> EscalationRecipients(IEnumerable<Guid> responsible, IReadOnlyDictionary<Guid, Guid> backups, Guid? officeManager)
    {
        var people = responsible.ToList();
        var recipients = people.Where(backups.ContainsKey).Select(p => backups[p]).ToList();
        if (officeManager is { } manager)
        {
            recipients.Add(manager);
        }

        return recipients.Count > 0 ? recipients.Distinct().ToList() : people.Distinct().ToList();
    }
}
