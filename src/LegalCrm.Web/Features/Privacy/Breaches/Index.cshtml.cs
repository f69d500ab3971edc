using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy.Breaches;

/// <summary>
/// The breach register (art. 33(5)): every breach, notified or not — the open ones first with their 72-hour clock,
/// then the closed ones — and the whole register as CSV.
/// </summary>
[RequirePermission(Permissions.PrivacyBreaches)]
public sealed class IndexModel(CrmDbContext db, BreachExports exports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Closed { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public DateTimeOffset Now { get; private set; }

    public PageOf<Breach> Breaches { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        var status = Closed ? BreachStatus.Closed : BreachStatus.Open;
        var query = db.Breaches.AsNoTracking().Where(b => b.Status == status);
        // Open: the one discovered first has the least time left; closed: the latest first.
        Breaches = await (Closed ? query.OrderByDescending(b => b.DiscoveredAt).ThenByDescending(b => b.Number) : query.OrderBy(b => b.DiscoveredAt).ThenBy(b => b.Number))
            .ToPageAsync(PageNumber);
    }

    /// <summary>Every breach the firm documented, oldest first, as the supervisor may ask for it (art. 33(5)).</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var breaches = await db.Breaches.AsNoTracking().OrderBy(b => b.Number).ToListAsync();
        return File(exports.Csv(breaches), "text/csv; charset=utf-8", "datalekkenregister.csv");
    }
}
