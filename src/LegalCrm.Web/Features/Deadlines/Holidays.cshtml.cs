using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Deadlines;

/// <summary>
/// The days a decree makes equal to holidays (Besluit gelijkstelling, Atw art. 3(3)): added when a new decree is
/// published, removed when one was entered by mistake. The computed holidays of a year are shown beside them.
/// </summary>
[RequirePermission(Permissions.HolidaysConfigure)]
public sealed class HolidaysModel(CrmDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<DesignatedHoliday> Designated { get; private set; } = [];

    public IReadOnlyList<(DateOnly Date, DayOff Reason)> YearDays { get; private set; } = [];

    public int ShownYear { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(DateOnly? date, string? description)
    {
        if (date is not { } day)
        {
            ModelState.AddModelError(string.Empty, l["Enter the date."]);
        }
        else if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || DutchHolidays.HolidayOf(day) is not null)
        {
            ModelState.AddModelError(string.Empty, l["That day is already not a working day."]);
        }
        else if (await db.DesignatedHolidays.AnyAsync(h => h.Date == day))
        {
            ModelState.AddModelError(string.Empty, l["That day is already designated."]);
        }

        description = string.IsNullOrWhiteSpace(description) ? DeadlineRules.DesignatedDaysDecree : description.Trim();
        if (description.Length > 300)
        {
            ModelState.AddModelError(string.Empty, l["{0} can be at most {1} characters long.", l["Decree"], 300]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.DesignatedHolidays.Add(new DesignatedHoliday { Date = date!.Value, Description = description });
        await db.SaveChangesAsync();
        TempData["Status"] = l["{0} is now counted as a holiday. Deadlines already added keep their date; check those ending on it.", date.Value.ToString("D", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return RedirectToPage(new { Year = date.Value.Year });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid holidayId)
    {
        var holiday = await db.DesignatedHolidays.SingleOrDefaultAsync(h => h.Id == holidayId);
        if (holiday is null)
        {
            return NotFound();
        }

        db.DesignatedHolidays.Remove(holiday);
        await db.SaveChangesAsync();
        TempData["Status"] = l["{0} is a working day again for new calculations.", holiday.Date.ToString("D", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return RedirectToPage(new { Year = holiday.Date.Year });
    }

    private async Task LoadAsync()
    {
        Designated = await db.DesignatedHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync();
        ShownYear = Year is { } year and >= 1900 and <= 2200 ? year : AmsterdamTime.Today(clock).Year;
        YearDays = new DutchHolidays(Designated.Select(h => h.Date)).HolidaysIn(ShownYear);
    }
}
