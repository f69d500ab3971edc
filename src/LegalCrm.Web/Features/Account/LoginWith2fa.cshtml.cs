using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Account;

/// <summary>The second step: a TOTP code from the user's authenticator app (RFC 6238).</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Startup.SignInRateLimit.Policy)]
public sealed class LoginWith2faModel(CrmSignInManager signIn, SignInFlow flow, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
    [Display(Name = "Authentication code")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await flow.FindPendingTwoFactorUserAsync(HttpContext) is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await flow.FindPendingTwoFactorUserAsync(HttpContext);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = AuthenticatorCode.Normalize(Code);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await flow.SucceededAsync(user, "authenticator");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        await flow.RecordAsync(user, result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInTwoFactorFailed);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["Sign-in is blocked for 15 minutes after too many attempts."]
            : l["That code is not valid. Check the time on your phone and try the newest code."]);
        return Page();
    }
}
