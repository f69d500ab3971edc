using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access;

[RequirePermission(Permissions.AdminSettings)]
public sealed class SettingsModel(CrmDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Colleagues { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Colleagues = await UserOptions.ActiveAsync(db);
        var firm = await db.Firms.AsNoTracking().SingleAsync();
        Input = new InputModel
        {
            Name = firm.Name,
            TwoFactorRequired = firm.TwoFactorRequired,
            DefaultCulture = firm.DefaultCulture,
            DossierNumberFormat = firm.DossierNumberFormat,
            PracticeAreas = string.Join("\n", firm.PracticeAreas),
            PartyRoles = string.Join("\n", firm.PartyRoles),
            CommunicationEditHours = firm.CommunicationEditHours,
            OfficeManagerUserId = firm.OfficeManagerUserId,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!SupportedCultures.IsSupported(Input.DefaultCulture))
        {
            ModelState.AddModelError("Input.DefaultCulture", l["Choose a language."]);
        }

        if (!Dossiers.DossierNumberFormat.IsValid(Input.DossierNumberFormat))
        {
            ModelState.AddModelError("Input.DossierNumberFormat", l["Use one sequence such as {NNNN}, optionally {YYYY} or {YY}, and letters, digits, - / . _ or spaces."]);
        }

        var areas = LineList(Input.PracticeAreas);
        if (areas.Count > 50 || areas.Any(a => a.Length > 100))
        {
            ModelState.AddModelError("Input.PracticeAreas", l["At most 50 practice areas of at most 100 characters each."]);
        }

        var roles = LineList(Input.PartyRoles);
        if (roles.Count > 30 || roles.Any(r => r.Length > 100))
        {
            ModelState.AddModelError("Input.PartyRoles", l["At most 30 party roles of at most 100 characters each."]);
        }

        Colleagues = await UserOptions.ActiveAsync(db);
        if (Input.OfficeManagerUserId is { } manager && Colleagues.All(c => c.Id != manager))
        {
            ModelState.AddModelError("Input.OfficeManagerUserId", l["Choose an active colleague as the office manager."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var firm = await db.Firms.SingleAsync();
        firm.Name = Input.Name.Trim();
        firm.TwoFactorRequired = Input.TwoFactorRequired;
        firm.DefaultCulture = Input.DefaultCulture;
        firm.DossierNumberFormat = Input.DossierNumberFormat.Trim();
        firm.PracticeAreas = areas;
        firm.PartyRoles = roles;
        firm.CommunicationEditHours = Input.CommunicationEditHours;
        firm.OfficeManagerUserId = Input.OfficeManagerUserId;
        await db.SaveChangesAsync();
        TempData["Status"] = l["The settings have been saved."].Value;
        return RedirectToPage();
    }

    /// <summary>One per line; blank lines and repeats dropped, order kept.</summary>
    private static List<string> LineList(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the firm's name.")]
        [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Firm name")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Require two-factor sign-in")]
        public bool TwoFactorRequired { get; set; }

        [Display(Name = "Default language")]
        public string DefaultCulture { get; set; } = SupportedCultures.Dutch;

        [Required(ErrorMessage = "Enter the dossier number format.")]
        [Display(Name = "Dossier number format")]
        public string DossierNumberFormat { get; set; } = Dossiers.DossierNumberFormat.Default;

        [StringLength(6000, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Practice areas")]
        public string? PracticeAreas { get; set; }

        [StringLength(4000, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Other party roles")]
        public string? PartyRoles { get; set; }

        [Range(0, Firm.MaxCommunicationEditHours, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Hours an author may change a logged communication")]
        public int CommunicationEditHours { get; set; } = Firm.DefaultCommunicationEditHours;

        [Display(Name = "Office manager")]
        public Guid? OfficeManagerUserId { get; set; }
    }
}
