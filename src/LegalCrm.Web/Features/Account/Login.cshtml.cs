using System.ComponentModel.DataAnnotations;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LegalCrm.Web.Features.Account;

/// <summary>
/// Sign in with e-mail address and password. Every failure shows one message, so the page never tells whether an
/// account exists or is locked (Identity locks it for 15 minutes after 5 failures).
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Startup.SignInRateLimit.Policy)]
public sealed class LoginModel(CrmSignInManager signIn, SignInFlow flow, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await flow.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            logger.LogInformation("Sign-in failed for an address no firm has");
            return Fail();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await flow.SucceededAsync(user, "password");
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            await flow.RecordAsync(user, AuditActions.SignInTwoFactorRequired);
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        }

        await flow.RecordAsync(user, result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed,
            new { reason = result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : "password" });
        return Fail();
    }

    private PageResult Fail()
    {
        Failed = true;
        Input.Password = string.Empty;
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "{0} can be at most {1} characters long.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256, ErrorMessage = "{0} can be at most {1} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;
    }
}
