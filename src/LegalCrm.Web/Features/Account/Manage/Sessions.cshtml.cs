using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Account.Manage;

/// <summary>Where one is signed in (device, address, last seen), and ending a session one does not recognise.</summary>
[AnySignedInUser]
public sealed class SessionsModel(SignInSessions sessions, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<SignInSessions.Row> Open { get; private set; } = [];

    public Guid? Current => SignInSessions.CurrentId(User);

    public async Task OnGetAsync() => Open = await sessions.OpenAsync(me.UserId!.Value);

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (id == Current)
        {
            return RedirectToPage();
        }

        var ended = await sessions.EndAsync(me.UserId!.Value, SessionEnd.EndedByUser, only: id);
        if (ended == 0)
        {
            return NotFound();
        }

        TempData["Status"] = l["The session has been ended; that device is signed out at its next click."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var ended = await sessions.EndAsync(me.UserId!.Value, SessionEnd.EndedByUser, except: Current);
        TempData["Status"] = l["{0} other sessions have been ended.", ended].Value;
        return RedirectToPage();
    }
}
