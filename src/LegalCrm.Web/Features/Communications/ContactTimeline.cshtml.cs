using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Communications;

/// <summary>A contact's whole communication timeline (what the user may see of it), filtered by kind and direction, paged in SQL.</summary>
[RequirePermission(Permissions.CommunicationsRead)]
public sealed class ContactTimelineModel(CrmDbContext db, DossierAccess access, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommunicationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommunicationDirection? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public string ContactName { get; private set; } = string.Empty;

    public PageOf<TimelineItem> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!me.Has(Permissions.ClientsRead))
        {
            return Forbid();
        }

        if (await db.Contacts.Where(c => c.Id == Id).Select(c => c.DisplayName).SingleOrDefaultAsync() is not { } name)
        {
            return NotFound();
        }

        ContactName = name;
        Items = await TimelineItem.Filtered(await TimelineItem.WithContactAsync(db, access, Id), Kind, Direction)
            .ToPageAsync(PageNumber, ids => TimelineItem.LoadAsync(db, ids), item => item.Id);
        return Page();
    }
}
