using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy.Processors;

/// <summary>The firm's processors (AVG art. 28) with their agreements and the reviews coming up.</summary>
[RequirePermission(Permissions.PrivacyRegister)]
public sealed class IndexModel(CrmDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(Processor Processor, IReadOnlyList<string> Gaps)> Processors { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = AmsterdamTime.Today(clock);
        var processors = await db.Processors.AsNoTracking().OrderBy(p => p.Name).ToListAsync();
        Processors = processors.Select(p => (p, PrivacyRules.Gaps(p))).ToList();
    }
}
