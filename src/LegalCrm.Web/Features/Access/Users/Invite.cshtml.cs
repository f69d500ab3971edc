using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Users;

[RequirePermission(Permissions.AdminUsers)]
public sealed class InviteModel(CrmDbContext db, UserAdministration administration, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<RoleOption> Roles { get; private set; } = [];

    public async Task OnGetAsync() => Roles = await RoleOption.AllAsync(db);

    public async Task<IActionResult> OnPostAsync()
    {
        Roles = await RoleOption.AllAsync(db);
        if (!SupportedCultures.IsSupported(Input.Culture))
        {
            ModelState.AddModelError("Input.Culture", l["Choose a language."]);
        }

        if (Input.RoleIds.Count == 0 || Input.RoleIds.Any(id => Roles.All(r => r.Id != id)))
        {
            ModelState.AddModelError("Input.RoleIds", l["Choose at least one role."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (outcome, user, errors) = await administration.InviteAsync(Input.Email, Input.DisplayName, Input.Culture, Input.RoleIds);
        switch (outcome)
        {
            case UserChangeOutcome.Done:
                TempData["Status"] = l["Invitation sent to {0}.", user!.Email!].Value;
                return Redirect($"/Access/Users/{user.Id}");
            case UserChangeOutcome.EmailInUse:
                ModelState.AddModelError("Input.Email", l["The e-mail address {0} is already in use.", Input.Email]);
                return Page();
            default:
                foreach (var error in errors)
                {
                    ModelState.AddModelError(string.Empty, error.Description);
                }

                return Page();
        }
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the name.")]
        [StringLength(200, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = string.Empty;

        [Display(Name = "Language")]
        public string Culture { get; set; } = SupportedCultures.Dutch;

        [Display(Name = "Roles")]
        public List<Guid> RoleIds { get; set; } = [];
    }
}
