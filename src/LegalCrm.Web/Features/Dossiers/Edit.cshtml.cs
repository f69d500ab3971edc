using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Dossiers;

/// <summary>Edit a dossier's particulars. Only its team, only while it is not closed; a save that crosses someone else's is refused.</summary>
[RequirePermission(Permissions.DossiersWrite)]
public sealed class EditModel(CrmDbContext db, DossierAccess access, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public NewModel.InputModel Input { get; set; } = new();

    [BindProperty]
    public uint Version { get; set; }

    public string Number { get; private set; } = string.Empty;

    public IReadOnlyList<(Guid Id, string Name)> Lawyers { get; private set; } = [];

    public IReadOnlyList<string> PracticeAreas { get; private set; } = [];

    public IEnumerable<SelectListItem> FeeArrangements => EnumOptions.For<FeeArrangement>(l, "fee:");

    public async Task<IActionResult> OnGetAsync()
    {
        var dossier = await access.FindAsync(Id);
        if (dossier is null)
        {
            return NotFound();
        }

        if (dossier.IsReadOnly || !await access.CanEditAsync(Id))
        {
            return Forbid();
        }

        Number = dossier.Number;
        Version = dossier.Version;
        Input = new NewModel.InputModel
        {
            Title = dossier.Title,
            PracticeArea = dossier.PracticeArea,
            DossierType = dossier.DossierType,
            Description = dossier.Description,
            ResponsibleLawyerId = dossier.ResponsibleLawyerId,
            FeeArrangement = dossier.FeeArrangement,
            LegalAidNumber = dossier.LegalAidNumber,
            CourtCaseNumbers = dossier.CourtCaseNumbers,
        };
        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var dossier = await access.FindAsync(Id, tracked: true);
        if (dossier is null)
        {
            return NotFound();
        }

        if (dossier.IsReadOnly || !await access.CanEditAsync(Id))
        {
            return Forbid();
        }

        Number = dossier.Number;
        if (Input.ResponsibleLawyerId is not { } lawyer || !await db.Users.AnyAsync(u => u.Id == lawyer && u.DisabledAt == null))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.ResponsibleLawyerId)}", l["Choose a lawyer from the list."]);
        }

        if (Input.FeeArrangement == FeeArrangement.LegalAid && string.IsNullOrWhiteSpace(Input.LegalAidNumber))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.LegalAidNumber)}", l["Enter the number of the legal aid certificate (toevoeging)."]);
        }

        ModelState.Remove($"{nameof(Input)}.{nameof(Input.ClientId)}");
        if (!ModelState.IsValid)
        {
            await PrepareAsync();
            return Page();
        }

        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        db.Entry(dossier).Property(d => d.Version).OriginalValue = Version;
        dossier.Title = Input.Title.Trim();
        dossier.PracticeArea = Clean(Input.PracticeArea);
        dossier.DossierType = Clean(Input.DossierType);
        dossier.Description = Clean(Input.Description);
        dossier.ResponsibleLawyerId = Input.ResponsibleLawyerId!.Value;
        dossier.FeeArrangement = Input.FeeArrangement;
        dossier.LegalAidNumber = Input.FeeArrangement == FeeArrangement.LegalAid ? Clean(Input.LegalAidNumber) : null;
        dossier.CourtCaseNumbers = Clean(Input.CourtCaseNumbers);
        dossier.UpdatedAt = clock.GetUtcNow();
        dossier.UpdatedBy = me.DisplayName ?? me.ActorName;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Dossiers.AsNoTracking().Where(d => d.Id == Id).Select(d => new { d.UpdatedBy, d.UpdatedAt, d.Version }).SingleAsync();
            ModelState.AddModelError(string.Empty, l["{0} changed this dossier at {1} while you were editing. Your changes have not been saved; saving again will overwrite theirs.",
                current.UpdatedBy, AmsterdamTime.ToLocal(current.UpdatedAt).ToString("g", System.Globalization.CultureInfo.CurrentCulture)]);
            Version = current.Version;
            await PrepareAsync();
            return Page();
        }

        TempData["Status"] = l["The dossier has been saved."].Value;
        return Redirect($"/Dossiers/{Id}");
    }

    private async Task PrepareAsync()
    {
        Lawyers = await UserOptions.ActiveAsync(db);
        PracticeAreas = await db.Firms.Select(f => f.PracticeAreas).SingleAsync();
    }
}
