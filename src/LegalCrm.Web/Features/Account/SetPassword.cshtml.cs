using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Account;

/// <summary>
/// An invited user (or a new firm's first admin) chooses a password from the invitation link. The link expires after
/// seven days and works once: adding the password changes the security stamp the token is bound to.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Startup.SignInRateLimit.Policy)]
public sealed class SetPasswordModel(UserManager<CrmUser> users, SignInFlow flow, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool LinkValid { get; private set; } = true;

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await ValidUserAsync();
        LinkValid = user is not null;
        Email = user?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await ValidUserAsync();
        if (user is null)
        {
            LinkValid = false;
            return Page();
        }

        Email = user.Email;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.AddPasswordAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        TempData["Status"] = l["Your account is active. Sign in with your e-mail address and new password."].Value;
        return RedirectToPage("Login");
    }

    private async Task<CrmUser?> ValidUserAsync()
    {
        var user = await flow.FindByIdAsync(UserId);
        var valid = user is { IsDisabled: false, HasPassword: false } && Code is not null
            && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, Code);
        return valid ? user : null;
    }
}
