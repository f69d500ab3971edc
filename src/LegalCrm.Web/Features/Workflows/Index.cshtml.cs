using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Workflows;

/// <summary>The firm's workflow templates per dossier type.</summary>
[RequirePermission(Permissions.WorkflowConfigure)]
public sealed class IndexModel(CrmDbContext db) : PageModel
{
    public IReadOnlyList<Row> Templates { get; private set; } = [];

    public async Task OnGetAsync() =>
        Templates = await db.WorkflowTemplates.AsNoTracking()
            .OrderBy(t => t.DossierType).ThenBy(t => t.Name)
            .Select(t => new Row(t.Id, t.Name, t.DossierType, t.IsActive, t.Steps.Count))
            .ToListAsync();

    public sealed record Row(Guid Id, string Name, string DossierType, bool IsActive, int Steps);
}
