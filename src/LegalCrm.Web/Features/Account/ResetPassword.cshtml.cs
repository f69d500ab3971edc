using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Account;

/// <summary>
/// Sets a new password from a mailed reset link. The token is bound to the security stamp, which the reset changes:
/// the link works once, and every open session of the account ends.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Startup.SignInRateLimit.Policy)]
public sealed class ResetPasswordModel(UserManager<CrmUser> users, SignInFlow flow, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool LinkValid { get; private set; } = true;

    public string Heading => l["Choose a new password"];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await flow.FindByIdAsync(UserId);
        LinkValid = user is not null && Code is not null
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<CrmUser>.ResetPasswordTokenPurpose, Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await flow.FindByIdAsync(UserId);
        if (user is null || Code is null)
        {
            LinkValid = false;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Code, Input.Password);
        if (!result.Succeeded)
        {
            LinkValid = !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await flow.RecordAsync(user, AuditActions.PasswordReset);
        TempData["Status"] = l["Your password has been changed. Sign in with your new password."].Value;
        return RedirectToPage("Login");
    }
}
