using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy.Retention;

/// <summary>The firm's retention policies: per kind of data (and practice area) how long, from which event, and what then.</summary>
[RequirePermission(Permissions.PrivacyRetention)]
public sealed class IndexModel(CrmDbContext db) : PageModel
{
    public IReadOnlyList<RetentionPolicy> Policies { get; private set; } = [];

    public async Task OnGetAsync() =>
        Policies = await db.RetentionPolicies.AsNoTracking().OrderBy(p => p.Category).ThenBy(p => p.PracticeArea != null).ThenBy(p => p.PracticeArea).ToListAsync();
}
