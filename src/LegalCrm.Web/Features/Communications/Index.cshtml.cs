using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Communications;

/// <summary>Search all communications the user may see, in Dutch, best match first; optionally within one dossier.</summary>
[RequirePermission(Permissions.CommunicationsRead)]
public sealed class IndexModel(CrmDbContext db, CommunicationSearch search, DossierAccess access, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommunicationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public CommunicationDirection? Direction { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Dossier { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public Dossier? InDossier { get; private set; }

    public PageOf<CommunicationSearch.Hit>? Hits { get; private set; }

    public bool NewestFirst { get; private set; }

    public bool CanLog => me.Has(Permissions.CommunicationsWrite);

    public int WaitingToFile { get; private set; }

    /// <summary>For those who set up the mailbox: why capturing fails, so it is noticed where they work.</summary>
    public string? MailboxProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Dossier is { } dossierId && (InDossier = await access.FindAsync(dossierId, ct: ct)) is null)
        {
            return NotFound();
        }

        if (CanLog)
        {
            WaitingToFile = await db.TriageMessages.CountAsync(t => t.Status == Mailboxes.TriageStatus.Open, ct);
        }

        if (me.Has(Permissions.MailboxConfigure))
        {
            MailboxProblem = await db.Mailboxes.Where(m => m.Enabled).Select(m => m.LastError).SingleOrDefaultAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(Q))
        {
            return Page();
        }

        if (Q.Length > CommunicationSearch.MaxQueryLength)
        {
            ModelState.AddModelError(nameof(Q), l["{0} can be at most {1} characters long.", l["Search"], CommunicationSearch.MaxQueryLength]);
            return Page();
        }

        (Hits, NewestFirst) = await search.SearchAsync(new CommunicationSearch.Filter(Q, Kind, Direction, Dossier), PageNumber, ct);
        return Page();
    }
}
