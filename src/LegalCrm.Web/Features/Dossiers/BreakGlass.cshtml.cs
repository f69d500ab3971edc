using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using LegalCrm.Web.Infrastructure.Email;
using LegalCrm.Web.Infrastructure.Localization;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>
/// Break-glass: a user outside a dossier's team opens it for a stated reason (an urgent deadline while its lawyer is
/// away). Access lasts <see cref="DossierAccessGrant.Duration"/>, is recorded in the audit trail, and the responsible
/// lawyer gets an e-mail at once. An ethical wall cannot be broken this way.
/// </summary>
[RequirePermission(Permissions.DossiersRead)]
public sealed class BreakGlassModel(CrmDbContext db, DossierAccess access, CurrentUser me, AuditEvents audit, EmailOutbox outbox, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the dossier number.")]
    [StringLength(40, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Dossier number")]
    public string Number { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Give the reason you need this dossier.")]
    [StringLength(500, MinimumLength = 10, ErrorMessage = "Give the reason in 10 to 500 characters.")]
    [Display(Name = "Reason")]
    public string Reason { get; set; } = string.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Number == Number.Trim())
            .Select(d => new { d.Id, d.Number, d.Title, d.ResponsibleLawyerId }).SingleOrDefaultAsync();
        if (dossier is null)
        {
            ModelState.AddModelError(nameof(Number), l["There is no dossier with this number."]);
            return Page();
        }

        if (await access.CanSeeAsync(dossier.Id))
        {
            return Redirect($"/Dossiers/{dossier.Id}");
        }

        if (await access.IsWalledAsync(dossier.Id))
        {
            ModelState.AddModelError(string.Empty, l["An ethical wall keeps you out of this dossier; break-glass cannot lift it."]);
            return Page();
        }

        var now = clock.GetUtcNow();
        var grant = new DossierAccessGrant { DossierId = dossier.Id, UserId = me.UserId!.Value, Reason = Reason.Trim(), GrantedAt = now, ExpiresAt = now + DossierAccessGrant.Duration };
        db.DossierAccessGrants.Add(grant);
        audit.Add(AuditActions.BreakGlass, nameof(Dossier), dossier.Id.ToString(), new { grant.Reason, grant.ExpiresAt }, new AuditSubject(nameof(Dossier), dossier.Id));
        var lawyer = await db.Users.AsNoTracking().Where(u => u.Id == dossier.ResponsibleLawyerId).Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleAsync();
        using (new RecipientCulture(lawyer.PreferredCulture))
        {
            outbox.Add(lawyer.Email!, lawyer.DisplayName,
                l["{0} opened dossier {1} by break-glass", me.DisplayName ?? me.ActorName, dossier.Number],
                l["Break-glass mail body", lawyer.DisplayName, me.DisplayName ?? me.ActorName, $"{dossier.Number} {dossier.Title}", grant.Reason,
                    AmsterdamTime.ToLocal(grant.ExpiresAt).ToString("g", System.Globalization.CultureInfo.CurrentCulture)]);
        }

        var until = AmsterdamTime.ToLocal(grant.ExpiresAt).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
        await db.SaveChangesAsync();
        outbox.DispatchSaved();
        TempData["Status"] = l["You have access to {0} until {1}. The responsible lawyer has been told.", dossier.Number, until].Value;
        return Redirect($"/Dossiers/{dossier.Id}");
    }
}
