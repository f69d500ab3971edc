using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LegalCrm.Web.Features.Account;

/// <summary>Sign out (POST only, with antiforgery). Anonymous allowed: an expired session can still press the button.</summary>
[AllowAnonymous]
public sealed class LogoutModel(CrmSignInManager signIn, UserManager<CrmUser> users, CurrentUser me, SignInFlow flow, SignInSessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Dashboard/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (me.UserId is { } id && await users.FindByIdAsync(id.ToString()) is { } user)
        {
            await flow.RecordAsync(user, AuditActions.SignOut);
            await sessions.EndCurrentAsync(User, SessionEnd.SignedOut);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }
}
