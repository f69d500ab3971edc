using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Privacy.Holds;

/// <summary>The firm's legal holds: those in force (oldest first), or the released ones.</summary>
[RequirePermission(Permissions.PrivacyRetention)]
public sealed class IndexModel(CrmDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Released { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public PageOf<Row> Holds { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public sealed record Row(Guid Id, string Subject, string SubjectUrl, string Reason, DateOnly? Until, DateTimeOffset PlacedAt, string PlacedBy, DateTimeOffset? ReleasedAt);

    public async Task OnGetAsync()
    {
        var query = db.LegalHolds.AsNoTracking().Where(h => (h.ReleasedAt != null) == Released);
        Holds = await (Released ? query.OrderByDescending(h => h.ReleasedAt).ThenBy(h => h.Id) : query.OrderBy(h => h.PlacedAt).ThenBy(h => h.Id))
            .Select(h => new Row(
                h.Id,
                h.ContactId != null
                    ? db.Contacts.Where(c => c.Id == h.ContactId).Select(c => c.DisplayName).FirstOrDefault()!
                    : db.Dossiers.Where(d => d.Id == h.DossierId).Select(d => d.Number + " " + d.Title).FirstOrDefault()!,
                h.ContactId != null ? "/Clients/" + h.ContactId : "/Dossiers/" + h.DossierId,
                h.Reason,
                h.Until,
                h.PlacedAt,
                h.PlacedBy,
                h.ReleasedAt))
            .ToPageAsync(PageNumber);
    }
}
