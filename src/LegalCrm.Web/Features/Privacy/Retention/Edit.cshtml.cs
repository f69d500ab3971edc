using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Privacy.Retention;

/// <summary>
/// Changes a retention policy, or adds one for a practice area. A firm-wide policy cannot be deleted (every kind of
/// data needs a period); a practice area's own policy can, after which the firm-wide one applies there again.
/// </summary>
[RequirePermission(Permissions.PrivacyRetention)]
public sealed class EditModel(CrmDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public RetentionCategory Category { get; set; }

    [BindProperty]
    public string? PracticeArea { get; set; }

    [BindProperty]
    public int? PeriodMonths { get; set; }

    [BindProperty]
    public RetentionAction Action { get; set; }

    [BindProperty]
    public string? Basis { get; set; }

    public RetentionPolicy? Existing { get; private set; }

    public IReadOnlyList<string> PracticeAreas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Existing is { } p)
        {
            (Category, PracticeArea, PeriodMonths, Action, Basis) = (p.Category, p.PracticeArea, p.PeriodMonths, p.Action, p.Basis);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var area = Existing is null ? PrivacyForms.Clean(PracticeArea) : Existing.PracticeArea;
        var category = Existing?.Category ?? Category;
        if (Existing is null && !RetentionRules.PerPracticeArea.Contains(category))
        {
            ModelState.AddModelError(nameof(Category), l["Only dossiers and billing data belong to a practice area; change the firm-wide policy for this kind of data."]);
        }
        else if (Existing is null && (area is null || !PracticeAreas.Contains(area)))
        {
            ModelState.AddModelError(nameof(PracticeArea), l["Choose the practice area the policy is for."]);
        }
        else if (Existing is null && await db.RetentionPolicies.AnyAsync(p => p.Category == category && p.PracticeArea == area))
        {
            ModelState.AddModelError(nameof(PracticeArea), l["This practice area already has a policy for this kind of data; change that one."]);
        }

        if (PeriodMonths is not (>= 1 and <= RetentionRules.MaxPeriodMonths))
        {
            ModelState.AddModelError(nameof(PeriodMonths), l["Enter a period of 1 to {0} months.", RetentionRules.MaxPeriodMonths]);
        }

        if (Basis?.Trim().Length > ProcessingRegisterLimits.ShortText)
        {
            ModelState.AddModelError(nameof(Basis), l["At most {0} characters.", ProcessingRegisterLimits.ShortText]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var policy = Existing is null ? new RetentionPolicy { Category = category, PracticeArea = area } : await db.RetentionPolicies.SingleAsync(p => p.Id == Existing.Id);
        policy.PeriodMonths = PeriodMonths!.Value;
        policy.StartsAt = RetentionRules.StartOf(category);
        policy.Action = Action;
        policy.Basis = PrivacyForms.Clean(Basis);
        policy.UpdatedAt = clock.GetUtcNow();
        if (Existing is null)
        {
            db.RetentionPolicies.Add(policy);
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["The retention policy has been saved."].Value;
        return Redirect("/Privacy/Retention");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadAsync() || Existing is null)
        {
            return NotFound();
        }

        if (Existing.PracticeArea is null)
        {
            TempData["Error"] = l["A firm-wide policy cannot be deleted: every kind of data needs a retention period. Change it instead."].Value;
            return Redirect($"/Privacy/Retention/Edit/{Existing.Id}");
        }

        db.RetentionPolicies.Remove(await db.RetentionPolicies.SingleAsync(p => p.Id == Existing.Id));
        await db.SaveChangesAsync();
        TempData["Status"] = l["The policy for {0} has been deleted; the firm-wide one applies there again.", Existing.PracticeArea].Value;
        return Redirect("/Privacy/Retention");
    }

    private async Task<bool> LoadAsync()
    {
        PracticeAreas = await db.Firms.Select(f => f.PracticeAreas).SingleAsync();
        if (Id is not { } id)
        {
            return true;
        }

        Existing = await db.RetentionPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        return Existing is not null;
    }
}
