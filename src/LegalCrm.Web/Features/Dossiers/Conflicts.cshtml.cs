using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// The dossier's conflict checks: run one (extra names may be added), see the hits, decide. A hit in a dossier the user
/// may not see is shown without its details, with the responsible lawyer to ask. Every check and decision is kept.
/// </summary>
[RequirePermission(Permissions.DossiersRead)]
public sealed class ConflictsModel(CrmDbContext db, DossierAccess access, ConflictSearch search, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<ConflictCheck> Checks { get; private set; } = [];

    public ConflictCheck? Latest => Checks.Count > 0 ? Checks[0] : null;

    public IReadOnlyList<ConflictHit> Hits { get; private set; } = [];

    public IReadOnlyList<ConflictSubject> Searched { get; private set; } = [];

    public IReadOnlySet<Guid> VisibleDossiers { get; private set; } = new HashSet<Guid>();

    public bool CanRun { get; private set; }

    public bool CanWaive => me.Has(Permissions.ConflictsWaive);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRunAsync(string? extraNames)
    {
        if (!await LoadDossierAsync())
        {
            return NotFound();
        }

        if (!CanRun)
        {
            return Forbid();
        }

        if (extraNames is { Length: > 4000 })
        {
            ModelState.AddModelError("extraNames", l["At most 4000 characters of extra names."]);
            await LoadChecksAsync();
            return Page();
        }

        var check = await search.RunAsync(Id, (extraNames ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        TempData["Status"] = check.HitCount == 0 ? l["The conflict check found nothing."].Value : l["The conflict check found {0} hits; weigh them and record your decision.", check.HitCount].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid checkId, ConflictDecision decision, string? reason)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanRun)
        {
            return Forbid();
        }

        if (Latest is null || Latest.Id != checkId || Latest.Decision != ConflictDecision.Pending)
        {
            ModelState.AddModelError(string.Empty, l["Only the latest check can be decided, once. Run the check again for a new decision."]);
            return Page();
        }

        if (decision == ConflictDecision.Waived && !CanWaive)
        {
            return Forbid();
        }

        if (decision is ConflictDecision.Waived or ConflictDecision.Refused && string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("reason", l["Give the reason for this decision."]);
            return Page();
        }

        if (decision == ConflictDecision.Pending || !Enum.IsDefined(decision) || reason is { Length: > 1000 })
        {
            ModelState.AddModelError("reason", l["Choose a decision; the reason can be at most 1000 characters long."]);
            return Page();
        }

        var check = await db.ConflictChecks.SingleAsync(c => c.Id == checkId);
        check.Decision = decision;
        check.DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        check.DecidedByUserId = me.UserId;
        check.DecidedByName = me.DisplayName ?? me.ActorName;
        check.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Status"] = l["The decision has been recorded: {0}.", l["conflict:" + decision].Value].Value;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync() => await LoadDossierAsync() && await LoadChecksAsync();

    private async Task<bool> LoadDossierAsync()
    {
        var dossier = await access.FindAsync(Id);
        if (dossier is null)
        {
            return false;
        }

        Dossier = dossier;
        CanRun = !dossier.IsReadOnly && await access.CanEditAsync(Id);
        return true;
    }

    /// <summary>The checks as the page shows them; a run that succeeds redirects and does not need them.</summary>
    private async Task<bool> LoadChecksAsync()
    {
        Checks = await db.ConflictChecks.AsNoTracking().Where(c => c.DossierId == Id).OrderByDescending(c => c.RunAt).Take(50).ToListAsync();
        if (Latest is { } latest)
        {
            Hits = ConflictSearch.ReadHits(latest);
            Searched = ConflictSearch.ReadSearched(latest);
            var ids = Hits.Select(h => h.DossierId).Distinct().ToList();
            VisibleDossiers = (await access.VisibleAmong(db.Dossiers.Where(d => ids.Contains(d.Id))).Select(d => d.Id).ToListAsync()).ToHashSet();
        }

        return true;
    }
}
