using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Holds;

/// <summary>
/// Places a legal hold on a contact or a dossier (reason, until when), or shows one and releases it with a reason.
/// While a hold lasts, erasure is refused and the retention sweep passes the record by (art. 17(3)(e) AVG).
/// </summary>
[RequirePermission(Permissions.PrivacyRetention)]
public sealed class EditModel(CrmDbContext db, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Contact { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Dossier { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? Until { get; set; }

    [BindProperty]
    public string? ReleaseReason { get; set; }

    public LegalHold? Existing { get; private set; }

    public string SubjectName { get; private set; } = string.Empty;

    public string SubjectUrl { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || Existing is not null)
        {
            return NotFound();
        }

        var reason = PrivacyForms.Clean(Reason);
        if (reason is null || reason.Length > ProcessingRegisterLimits.ShortText)
        {
            ModelState.AddModelError(nameof(Reason), l["Give the reason for the hold (at most {0} characters): the claim, the investigation or the instruction.", ProcessingRegisterLimits.ShortText]);
        }

        if (Until is { } until && until < AmsterdamTime.Today(clock))
        {
            ModelState.AddModelError(nameof(Until), l["A hold cannot end in the past."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.LegalHolds.Add(new LegalHold
        {
            ContactId = Contact,
            DossierId = Contact is null ? Dossier : null,
            Reason = reason!,
            Until = Until,
            PlacedAt = clock.GetUtcNow(),
            PlacedBy = me.DisplayName ?? me.ActorName,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = l["A legal hold is now on {0}: nothing of it will be erased or swept away.", SubjectName].Value;
        return Redirect(SubjectUrl);
    }

    public async Task<IActionResult> OnPostReleaseAsync()
    {
        if (!await LoadAsync() || Existing is null)
        {
            return NotFound();
        }

        var reason = PrivacyForms.Clean(ReleaseReason);
        if (Existing.ReleasedAt is not null || reason is null || reason.Length > ProcessingRegisterLimits.ShortText)
        {
            ModelState.AddModelError(nameof(ReleaseReason), l["Give the reason for releasing the hold (at most {0} characters).", ProcessingRegisterLimits.ShortText]);
            return Page();
        }

        var hold = await db.LegalHolds.SingleAsync(h => h.Id == Existing.Id);
        hold.ReleasedAt = clock.GetUtcNow();
        hold.ReleasedBy = me.DisplayName ?? me.ActorName;
        hold.ReleaseReason = reason;
        await db.SaveChangesAsync();
        TempData["Status"] = l["The legal hold on {0} has been released.", SubjectName].Value;
        return Redirect("/Privacy/Holds");
    }

    private async Task<bool> LoadAsync()
    {
        if (Id is { } id)
        {
            Existing = await db.LegalHolds.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id);
            if (Existing is null)
            {
                return false;
            }

            (Contact, Dossier) = (Existing.ContactId, Existing.DossierId);
        }

        if (Contact is { } contact)
        {
            SubjectName = await db.Contacts.Where(c => c.Id == contact).Select(c => c.DisplayName).SingleOrDefaultAsync() ?? string.Empty;
            SubjectUrl = $"/Clients/{contact}";
        }
        else if (Dossier is { } dossier)
        {
            SubjectName = await db.Dossiers.Where(d => d.Id == dossier).Select(d => d.Number + " " + d.Title).SingleOrDefaultAsync() ?? string.Empty;
            SubjectUrl = $"/Dossiers/{dossier}";
        }

        return SubjectName.Length > 0;
    }
}
