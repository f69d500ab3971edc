using System.Globalization;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// "When does the appeal period end?": a rule of the firm (or a period typed in) and a date give the last day, with
/// the reasoning written out. Computes only; deadlines are added on a dossier.
/// </summary>
[RequirePermission(Permissions.DeadlinesRead)]
public sealed class CalculatorModel(CrmDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Rule { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Amount { get; set; }

    [BindProperty(SupportsGet = true)]
    public PeriodUnit Unit { get; set; } = PeriodUnit.Weeks;

    [BindProperty(SupportsGet = true)]
    public CountDirection Direction { get; set; }

    [BindProperty(SupportsGet = true)]
    public StartConvention Start { get; set; }

    /// <summary>Whether the Algemene termijnenwet applies to a typed-in period ("on" from the checkbox).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Atw { get; set; }

    public IReadOnlyList<DeadlineRule> Rules { get; private set; } = [];

    public DeadlineRule? ChosenRule { get; private set; }

    public DeadlineCalculation? Result { get; private set; }

    public string? Explanation { get; private set; }

    public string? Error { get; private set; }

    public bool Asked => Request.Query.Count > 0;

    public async Task OnGetAsync()
    {
        Rules = await db.DeadlineRules.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Name).ToListAsync();
        if (!Asked)
        {
            Atw = true;
            return;
        }

        ChosenRule = Rules.FirstOrDefault(r => r.Id == Rule);
        var period = ChosenRule?.Period ?? (Amount is { } amount ? new DeadlinePeriod(amount, Unit, Direction, Start, Atw) : null);
        if (period is null)
        {
            Error = l["Choose a rule or enter a period."];
        }
        else if (Date is not { } date)
        {
            Error = l["Enter the date to count from."];
        }
        else if (period.Refusal() is { } refusal)
        {
            Error = l[refusal];
        }
        else
        {
            Result = DeadlineCalculator.Calculate(date, period, await FirmHolidays.LoadAsync(db));
            Explanation = DeadlineExplanation.Describe(Result, l, CultureInfo.CurrentCulture);
        }
    }
}
