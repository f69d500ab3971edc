using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Clients;

/// <summary>Merge a duplicate into this contact: find it, compare the two side by side, choose per field, confirm.</summary>
[RequirePermission(Permissions.ClientsMerge)]
public sealed class MergeModel(CrmDbContext db, ContactMergeService merge, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Keep { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Remove { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Contact Kept { get; private set; } = null!;

    public Contact? Other { get; private set; }

    public IReadOnlyList<string> Differences { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Remove is not { } remove || !await LoadAsync())
        {
            return NotFound();
        }

        // Per differing field a radio "choice-{field}": "keep" or "other".
        var takeFromOther = ContactMerge.ChoosableFields.Where(f => Request.Form["choice-" + f] == "other").ToHashSet();
        var outcome = await merge.MergeAsync(Keep, remove, takeFromOther);
        if (outcome == MergeOutcome.Merged)
        {
            TempData["Status"] = l["The two contacts have been merged."].Value;
            return Redirect($"/Clients/{Keep}");
        }

        ModelState.AddModelError(string.Empty, outcome switch
        {
            MergeOutcome.Restricted => l["A contact whose processing is restricted cannot be merged."],
            MergeOutcome.DifferentKinds => l["A person and an organisation cannot be merged."],
            MergeOutcome.SameContact => l["Choose another contact to merge."],
            _ => l["One of the contacts no longer exists."],
        });
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var ids = Remove is { } r ? new[] { Keep, r } : [Keep];
        var contacts = await db.Contacts.AsNoTracking().Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Addresses).AsSplitQuery()
            .Where(c => ids.Contains(c.Id)).ToListAsync();
        if (contacts.SingleOrDefault(c => c.Id == Keep) is not { } kept)
        {
            return false;
        }

        Kept = kept;
        Other = Remove is { } removeId ? contacts.SingleOrDefault(c => c.Id == removeId) : null;
        if (Remove is not null && (Other is null || Other.Id == Keep))
        {
            return false;
        }

        if (Other is not null)
        {
            Differences = ContactMerge.Differences(Kept, Other);
        }
        else if (!string.IsNullOrWhiteSpace(Q) && Q.Length <= 200)
        {
            Candidates = await db.Contacts.Where(c => c.Id != Keep && c.Kind == kept.Kind).CandidatesAsync(db, Q);
        }

        return true;
    }
}
