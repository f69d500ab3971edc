using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LegalCrm.Web.Features.Communications;

/// <summary>A dossier's whole communication timeline: newest first, filtered by kind and direction, paged in SQL.</summary>
[RequirePermission(Permissions.CommunicationsRead)]
public sealed class TimelineModel(CrmDbContext db, DossierAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommunicationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommunicationDirection? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public Dossier Dossier { get; private set; } = null!;

    public PageOf<TimelineItem> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await access.FindAsync(Id) is not { } dossier)
        {
            return NotFound();
        }

        Dossier = dossier;
        Items = await TimelineItem.Filtered(TimelineItem.OfDossier(db, Id), Kind, Direction)
            .ToPageAsync(PageNumber, ids => TimelineItem.LoadAsync(db, ids), item => item.Id);
        return Page();
    }
}
