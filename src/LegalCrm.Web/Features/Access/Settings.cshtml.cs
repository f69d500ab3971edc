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

    public async Task OnGetAsync()
    {
        var firm = await db.Firms.AsNoTracking().SingleAsync();
        Input = new InputModel { Name = firm.Name, TwoFactorRequired = firm.TwoFactorRequired, DefaultCulture = firm.DefaultCulture };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!SupportedCultures.IsSupported(Input.DefaultCulture))
        {
            ModelState.AddModelError("Input.DefaultCulture", l["Choose a language."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var firm = await db.Firms.SingleAsync();
        firm.Name = Input.Name.Trim();
        firm.TwoFactorRequired = Input.TwoFactorRequired;
        firm.DefaultCulture = Input.DefaultCulture;
        await db.SaveChangesAsync();
        TempData["Status"] = l["The settings have been saved."].Value;
        return RedirectToPage();
    }

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
    }
}
