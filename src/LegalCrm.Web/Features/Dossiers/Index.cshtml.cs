using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Clients;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>"My dossiers" or "all I may see", filtered, searched by number, title or party name, paged in SQL.</summary>
[RequirePermission(Permissions.DossiersRead)]
public sealed class IndexModel(CrmDbContext db, DossierAccess access, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>"all" for every dossier the user may see; otherwise the user's own.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public DossierStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Lawyer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public bool AllVisible => Scope == "all";

    public bool CanCreate => me.Has(Permissions.DossiersWrite);

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Status is not null || !string.IsNullOrEmpty(Area) || Lawyer is not null;

    public PageOf<Row> Dossiers { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public IReadOnlyList<(Guid Id, string Name)> Lawyers { get; private set; } = [];

    public IReadOnlyList<string> PracticeAreas { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Lawyers = await UserOptions.ActiveAsync(db);
        PracticeAreas = await db.Firms.Select(f => f.PracticeAreas).SingleAsync();

        var query = AllVisible ? access.Visible() : access.Mine();
        if (Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Area))
        {
            query = query.Where(d => d.PracticeArea == Area);
        }

        if (Lawyer is { } lawyer)
        {
            query = query.Where(d => d.ResponsibleLawyerId == lawyer);
        }

        if (!string.IsNullOrWhiteSpace(Q) && Q.Trim().Length <= 200)
        {
            var text = Q.Trim();
            var like = LikePattern.Containing(text);
            if (text.Any(char.IsLetter))
            {
                var parties = ContactSearch.MatchingIds(db, ContactSearch.Parse(text));
                var withParty = db.Set<DossierParty>().Where(p => parties.Contains(p.ContactId)).Select(p => p.DossierId);
                query = query.Where(d => d.Number.StartsWith(text) || EF.Functions.ILike(d.Title, like) || withParty.Contains(d.Id));
            }
            else
            {
                // Digits and dashes: the start of a dossier number, not a name to look up among the contacts.
                query = query.Where(d => d.Number.StartsWith(text));
            }
        }

        var ordered = Sort switch
        {
            "number" => query.OrderBy(d => d.Number).ThenBy(d => d.Id),
            "title" => query.OrderBy(d => d.Title).ThenBy(d => d.Id),
            "title_desc" => query.OrderByDescending(d => d.Title).ThenBy(d => d.Id),
            "status" => query.OrderBy(d => d.Status).ThenByDescending(d => d.Number),
            _ => query.OrderByDescending(d => d.Number).ThenBy(d => d.Id),
        };

        Dossiers = await ordered.Select(d => d.Id).ToPageAsync(PageNumber, ids => db.Dossiers.AsNoTracking()
                .Where(d => ids.Contains(d.Id))
                .Select(d => new Row(
                    d.Id,
                    d.Number,
                    d.Title,
                    d.Status,
                    d.PracticeArea,
                    db.Contacts.Where(c => d.Parties.Any(p => p.Role == PartyRole.Client && p.ContactId == c.Id)).OrderBy(c => c.SortKey).Select(c => c.DisplayName).FirstOrDefault(),
                    db.Users.Where(u => u.Id == d.ResponsibleLawyerId).Select(u => u.DisplayName).FirstOrDefault()))
                .ToListAsync(),
            row => row.Id);
    }

    public sealed record Row(Guid Id, string Number, string Title, DossierStatus Status, string? PracticeArea, string? Client, string? Lawyer);
}
