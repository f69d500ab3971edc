using System.Globalization;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>The rules around deadlines that are not arithmetic: reminders, reasons, what a new firm starts with.</summary>
public static class DeadlineRules
{
    public const int MaxReminders = 10;

    /// <summary>Reminders a new deadline gets unless someone chooses others.</summary>
    public static IReadOnlyList<int> DefaultReminderDays(DeadlineKind kind) => kind == DeadlineKind.Fatal ? [14, 7, 3, 1] : [3, 1];

    /// <summary>
    /// Reads "14, 7, 3, 1" (days before the due date) into a descending list without repeats; null and an English
    /// resource key when it cannot. A reminder after the deadline is refused: it could only report the damage.
    /// </summary>
    public static (IReadOnlyList<int>? Days, string? Error) ParseReminderDays(string? text)
    {
        var days = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day))
            {
                return (null, "Reminders are numbers of days before the deadline, separated by commas, such as 14, 7, 3, 1.");
            }

            if (day < 0)
            {
                return (null, "A reminder cannot come after the deadline. Use 0 for a reminder on the day itself.");
            }

            if (day > 365)
            {
                return (null, "A reminder can be at most 365 days before the deadline.");
            }

            days.Add(day);
        }

        return days.Count > MaxReminders ? (null, "A deadline can have at most 10 reminders.") : ([.. days], null);
    }

    public static string FormatReminderDays(IEnumerable<int> days) => string.Join(", ", days);

    /// <summary>
    /// Moving, cancelling or deleting a fatal deadline needs a written reason: it is the change a malpractice
    /// claim turns on, so the audit trail must say why. Null when the change may go ahead.
    /// </summary>
    public static string? ReasonRefusal(DeadlineKind kind, string? reason) =>
        kind == DeadlineKind.Fatal && string.IsNullOrWhiteSpace(reason) ? "Give the reason for changing a fatal deadline."
        : reason is { Length: > 500 } ? "The reason can be at most 500 characters long."
        : null;

    /// <summary>The designated days of the decree in force when this was written (Besluit gelijkstelling, LEGAL.md).</summary>
    public static readonly IReadOnlyList<DateOnly> DesignatedDaysInForce =
        [new(2026, 1, 2), new(2026, 5, 15), new(2027, 5, 7), new(2028, 4, 28), new(2028, 5, 26)];

    public const string DesignatedDaysDecree = "Besluit gelijkstelling dagen Algemene termijnenwet 2026-2028";

    /// <summary>The rule templates a new firm starts with (Dutch names: they are the firm's data, not UI text). New rows each call.</summary>
    public static IReadOnlyList<DeadlineRule> StartingRules() =>
    [
        new() { Name = "Hoger beroep", LegalBasis = "art. 339 Rv", EventLabel = "Datum vonnis", Amount = 3, Unit = PeriodUnit.Months },
        new() { Name = "Cassatie", LegalBasis = "art. 402 Rv", EventLabel = "Datum arrest", Amount = 3, Unit = PeriodUnit.Months },
        new() { Name = "Bezwaar", LegalBasis = "art. 6:7 Awb", EventLabel = "Datum bekendmaking besluit", Amount = 6, Unit = PeriodUnit.Weeks },
        new() { Name = "Beroep", LegalBasis = "art. 6:7 Awb", EventLabel = "Datum bekendmaking besluit", Amount = 6, Unit = PeriodUnit.Weeks },
        new() { Name = "Verzet tegen verstekvonnis", LegalBasis = "art. 143 Rv", EventLabel = "Datum betekening", Amount = 4, Unit = PeriodUnit.Weeks },
    ];
}
