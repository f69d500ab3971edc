using System.Text.Json;
using System.Text.Json.Serialization;

namespace LegalCrm.Web.Features.Deadlines;

public enum PeriodUnit
{
    Days,
    Weeks,
    Months,
}

public enum CountDirection
{
    /// <summary>A limit after an event: appeal within three months after the judgment.</summary>
    Forward,

    /// <summary>A limit before an event: a statement at least two weeks before the hearing.</summary>
    Backward,
}

public enum StartConvention
{
    /// <summary>The usual convention: counting starts the day after the event, so the limit ends on the same day number.</summary>
    DayAfterEvent,

    /// <summary>The event's own day is the first day of the limit, so it ends one day earlier (later, counting backwards).</summary>
    EventDay,
}

/// <summary>A time limit as the law states it: an amount of days, weeks or months, in a direction, and whether the Atw extends it.</summary>
public sealed record DeadlinePeriod(int Amount, PeriodUnit Unit, CountDirection Direction = CountDirection.Forward, StartConvention Start = StartConvention.DayAfterEvent, bool AtwApplies = true)
{
    public const int MaxDays = 3650;

    /// <summary>Why this is not a period one can count (an English resource key), or null when it is one.</summary>
    public string? Refusal()
    {
        var days = Unit switch
        {
            PeriodUnit.Days => (long)Amount,
            PeriodUnit.Weeks => Amount * 7L,
            _ => Amount * 31L,
        };
        if (Amount < 1 || days > MaxDays)
        {
            return "The period must be at least one day and at most ten years.";
        }

        // Atw art. 1(2): the extension does not apply to limits counted backwards from a moment or event.
        return Direction == CountDirection.Backward && AtwApplies
            ? "The Algemene termijnenwet does not extend a time limit counted backwards (Atw art. 1(2)). Turn it off for this rule."
            : null;
    }
}

public enum StepKind
{
    /// <summary>The plain count: so many days, weeks or months from the event.</summary>
    Counted,

    /// <summary>The day number does not exist in the month reached: the last day of that month.</summary>
    LastDayOfMonth,

    /// <summary>The event's day counts as the first day of the limit.</summary>
    EventDayCounted,

    /// <summary>Atw art. 1: the limit ended on a Saturday, Sunday or holiday and moves to the next working day.</summary>
    AtwArticle1,

    /// <summary>Atw art. 2: the limit held fewer than two working days and is extended until it holds two.</summary>
    AtwArticle2,
}

/// <summary>One step of the reasoning; <see cref="Reason"/> says why a day was skipped (art. 1).</summary>
public sealed record CalculationStep(StepKind Kind, DateOnly Date, DayOff? Reason = null);

/// <summary>A computed deadline with every step that led to it, so anyone can check it by hand.</summary>
public sealed record DeadlineCalculation(DateOnly EventDate, DeadlinePeriod Period, DateOnly Due, IReadOnlyList<CalculationStep> Steps)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DeadlineCalculation? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<DeadlineCalculation>(json, Json);
}

/// <summary>
/// Counts statutory time limits the Dutch way. Months end on the same day number, or on the last day of a month that
/// has no such day; the Algemene termijnenwet, where it applies, then moves an end on a Saturday, Sunday or holiday to
/// the next working day (art. 1) and makes a limit of three days or more hold at least two working days (art. 2).
/// </summary>
public static class DeadlineCalculator
{
    public static DeadlineCalculation Calculate(DateOnly eventDate, DeadlinePeriod period, DutchHolidays holidays)
    {
        if (period.Refusal() is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(period));
        }

        var sign = period.Direction == CountDirection.Forward ? 1 : -1;
        var steps = new List<CalculationStep>();
        var due = period.Unit switch
        {
            PeriodUnit.Days => eventDate.AddDays(sign * period.Amount),
            PeriodUnit.Weeks => eventDate.AddDays(sign * period.Amount * 7),
            _ => eventDate.AddMonths(sign * period.Amount),
        };
        steps.Add(new CalculationStep(StepKind.Counted, due));

        if (period.Unit == PeriodUnit.Months && due.Day != eventDate.Day)
        {
            steps.Add(new CalculationStep(StepKind.LastDayOfMonth, due));
        }

        if (period.Start == StartConvention.EventDay)
        {
            due = due.AddDays(-sign);
            steps.Add(new CalculationStep(StepKind.EventDayCounted, due));
        }

        if (period.AtwApplies && period.Direction == CountDirection.Forward)
        {
            if (holidays.Reason(due) is { } dayOff)
            {
                due = NextWorkingDay(due, holidays);
                steps.Add(new CalculationStep(StepKind.AtwArticle1, due, dayOff));
            }

            var firstDay = period.Start == StartConvention.EventDay ? eventDate : eventDate.AddDays(1);
            if (period.Unit != PeriodUnit.Days || period.Amount >= 3)
            {
                var extended = false;
                while (WorkingDaysBetween(firstDay, due, holidays) < 2)
                {
                    due = NextWorkingDay(due, holidays);
                    extended = true;
                }

                if (extended)
                {
                    steps.Add(new CalculationStep(StepKind.AtwArticle2, due));
                }
            }
        }

        return new DeadlineCalculation(eventDate, period, due, steps);
    }

    private static DateOnly NextWorkingDay(DateOnly date, DutchHolidays holidays)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!holidays.IsWorkingDay(date));

        return date;
    }

    private static int WorkingDaysBetween(DateOnly first, DateOnly last, DutchHolidays holidays)
    {
        var count = 0;
        for (var day = first; day <= last && count < 2; day = day.AddDays(1))
        {
            if (holidays.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
