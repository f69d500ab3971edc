using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy.Dpias;

/// <summary>The firm's data protection impact assessments (AVG art. 35), each of an activity of the register.</summary>
[RequirePermission(Permissions.PrivacyRegister)]
public sealed class IndexModel(CrmDbContext db) : PageModel
{
    public IReadOnlyList<Row> Dpias { get; private set; } = [];

    public async Task OnGetAsync() =>
        Dpias = await db.Dpias.AsNoTracking()
            .OrderBy(d => d.Status).ThenBy(d => d.Title)
            .Select(d => new Row(d.Id, d.Title, db.ProcessingActivities.Where(a => a.Id == d.ActivityId).Select(a => a.Name).First(), d.Status, d.Outcome, d.CompletedOn))
            .ToListAsync();

    public sealed record Row(Guid Id, string Title, string Activity, DpiaStatus Status, DpiaOutcome Outcome, DateOnly? CompletedOn);
}
