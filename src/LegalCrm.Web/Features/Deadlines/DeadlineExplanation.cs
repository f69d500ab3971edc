using System.Globalization;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// Writes a calculation out as a sentence a lawyer can check: "3 months after 15-02-2026 = 15-05-2026, a designated
/// holiday → Monday 18-05-2026 (Atw art. 1)". Written at display time, so each reader gets their own language.
/// </summary>
public static class DeadlineExplanation
{
    public static string Describe(DeadlineCalculation calculation, IStringLocalizer l, CultureInfo culture)
    {
        string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        string Weekday(DateOnly date) => culture.TextInfo.ToTitleCase(date.ToString("dddd", culture));

        var period = calculation.Period;
        var parts = new List<string>();
        foreach (var step in calculation.Steps)
        {
            parts.Add(step.Kind switch
            {
                StepKind.Counted => l["period:" + period.Unit + ":" + period.Direction + " {0} {1}", period.Amount, Date(calculation.EventDate)] + " = " + Date(step.Date),
                StepKind.LastDayOfMonth => l["that month has no day {0}: its last day, {1}", calculation.EventDate.Day, Date(step.Date)],
                StepKind.EventDayCounted => l["the day of the event counts as the first day → {0}", Date(step.Date)],
                StepKind.AtwArticle1 => l["{0} → {1} {2} (Atw art. 1)", l["dayoff:" + step.Reason], Weekday(step.Date), Date(step.Date)],
                StepKind.AtwArticle2 => l["fewer than two working days → {0} {1} (Atw art. 2)", Weekday(step.Date), Date(step.Date)],
                _ => throw new InvalidOperationException($"Unknown step {step.Kind}."),
            });
        }

        return string.Join(", ", parts);
    }
}
