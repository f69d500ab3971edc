using LegalCrm.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Users;

/// <summary>Offboarding a leaver: what they still hold, the colleague who takes it over, and one confirmed action.</summary>
[RequirePermission(Permissions.AdminUsers)]
public sealed class OffboardModel(CrmDbContext db, UserManager<CrmUser> users, Offboarding offboarding, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? SuccessorId { get; set; }

    public CrmUser Leaver { get; private set; } = null!;

    public Offboarding.Holdings Holds { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Colleagues { get; private set; } = [];

    public bool IsMe => Id == me.UserId;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var holdsWork = Holds.Tasks.Count + Holds.Deadlines.Count + Holds.Dossiers.Count > 0;
        if (SuccessorId is null && holdsWork)
        {
            ModelState.AddModelError(nameof(SuccessorId), l["Choose the colleague who takes over the open work."]);
            return Page();
        }

        var result = await offboarding.OffboardAsync(Leaver, SuccessorId, HttpContext.RequestAborted);
        if (result.Outcome != UserChangeOutcome.Done)
        {
            ModelState.AddModelError(result.Outcome == UserChangeOutcome.Failed ? nameof(SuccessorId) : string.Empty, result.Outcome switch
            {
                UserChangeOutcome.WouldLeaveNoAdministrator => l["This would leave the firm without an administrator: at least one active user must keep the permissions to manage users and roles."],
                UserChangeOutcome.CannotDisableYourself => l["You cannot disable your own account."],
                _ => l["Choose an active colleague to take over."],
            });
            return Page();
        }

        TempData["Status"] = l["{0} has been offboarded: signed out everywhere, {1} tasks, {2} deadlines and {3} dossiers handed over.", Leaver.DisplayName, result.Tasks, result.Deadlines, result.Dossiers].Value;
        if (result.WalledDossiers is { Count: > 0 } walled)
        {
            TempData["Error"] = l["An ethical wall keeps the successor out of these dossiers; give them to someone else: {0}", string.Join(", ", walled)].Value;
        }

        return RedirectToPage("Details", new { Id });
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.FindByIdAsync(Id.ToString()) is not { } leaver)
        {
            return false;
        }

        Leaver = leaver;
        Holds = await offboarding.HoldingsAsync(Id, HttpContext.RequestAborted);
        Colleagues = [.. (await UserOptions.ActiveAsync(db)).Where(u => u.Id != Id)];
        return true;
    }
}
