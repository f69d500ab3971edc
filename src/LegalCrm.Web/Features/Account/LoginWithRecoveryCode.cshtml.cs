using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Account;

/// <summary>The way in when the phone is lost: one of the recovery codes shown at enrolment, each valid once.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Startup.SignInRateLimit.Policy)]
public sealed class LoginWithRecoveryCodeModel(CrmSignInManager signIn, SignInFlow flow, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter a recovery code.")]
    [StringLength(20, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Recovery code")]
    public string RecoveryCode { get; set; } = string.Empty;

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

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            await flow.RecordAsync(user, AuditActions.SignInRecoveryCodeUsed);
            await flow.SucceededAsync(user, "recovery-code");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        await flow.RecordAsync(user, result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInTwoFactorFailed, new { method = "recovery-code" });
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["Sign-in is blocked for 15 minutes after too many attempts."]
            : l["That recovery code is not valid."]);
        return Page();
    }
}
