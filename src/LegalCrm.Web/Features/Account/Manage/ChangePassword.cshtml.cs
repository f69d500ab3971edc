using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Account.Manage;

/// <summary>Changing the password changes the security stamp: sessions elsewhere end, this one is renewed.</summary>
[AnySignedInUser]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Startup.SignInRateLimit.Policy)]
public sealed class ChangePasswordModel(UserManager<CrmUser> users, CrmSignInManager signIn, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(256, ErrorMessage = "{0} can be at most {1} characters long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(me.UserId!.Value.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : "Input.Password", error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = l["Your password has been changed."].Value;
        return RedirectToPage("Index");
    }
}
