using LegalCrm.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Users;

/// <summary>One user: status, roles, and the admin's actions (disable, enable, resend invitation, change roles).</summary>
[RequirePermission(Permissions.AdminUsers)]
public sealed class DetailsModel(
    CrmDbContext db,
    UserManager<CrmUser> users,
    UserAdministration administration,
    SignInSessions sessions,
    CurrentUser me,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<Guid> RoleIds { get; set; } = [];

    public CrmUser Account { get; private set; } = null!;

    public IReadOnlyList<RoleOption> Roles { get; private set; } = [];

    [BindProperty]
    public Guid? BackupUserId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Colleagues { get; private set; } = [];

    public bool IsMe => Account.Id == me.UserId;

    public IReadOnlyList<SignInSessions.Row> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync()
    {
        if (!await LoadAsync(keepPostedRoles: true))
        {
            return NotFound();
        }

        if (RoleIds.Any(id => Roles.All(r => r.Id != id)))
        {
            ModelState.AddModelError(string.Empty, l["Choose at least one role."]);
            return Page();
        }

        return await Finish(await administration.ChangeRolesAsync(Account, RoleIds), l["The roles of {0} have been saved.", Account.DisplayName]);
    }

    /// <summary>The backup receives the escalation of this user's fatal deadlines (DeadlineReminderSweep).</summary>
    public async Task<IActionResult> OnPostBackupAsync()
    {
        var posted = BackupUserId;
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (posted is { } backup && (backup == Account.Id || Colleagues.All(c => c.Id != backup)))
        {
            BackupUserId = posted;
            ModelState.AddModelError(nameof(BackupUserId), l["Choose an active colleague as the backup."]);
            return Page();
        }

        var account = await db.Users.SingleAsync(u => u.Id == Id);
        account.BackupUserId = posted;
        await db.SaveChangesAsync();
        TempData["Status"] = l["The backup of {0} has been saved.", Account.DisplayName].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostDisableAsync() =>
        await LoadAsync() ? await Finish(await administration.DisableAsync(Account), l["{0} has been disabled and signed out.", Account.DisplayName]) : NotFound();

    public async Task<IActionResult> OnPostEnableAsync() =>
        await LoadAsync() ? await Finish(await administration.EnableAsync(Account), l["{0} can sign in again.", Account.DisplayName]) : NotFound();

    /// <summary>Signs the user out on every device (a lost laptop); the account stays enabled.</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var ended = await sessions.EndAsync(Account.Id, SessionEnd.EndedByAdministrator, except: IsMe ? SignInSessions.CurrentId(User) : null);
        TempData["Status"] = l["{0} sessions of {1} have been ended.", ended, Account.DisplayName].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostResendAsync() =>
        await LoadAsync() ? await Finish(await administration.ResendInvitationAsync(Account), l["Invitation sent to {0}.", Account.Email ?? string.Empty]) : NotFound();

    private async Task<IActionResult> Finish(UserChangeOutcome outcome, string done)
    {
        if (outcome == UserChangeOutcome.Done)
        {
            TempData["Status"] = done;
            return RedirectToPage(new { Id });
        }

        ModelState.AddModelError(string.Empty, outcome switch
        {
            UserChangeOutcome.WouldLeaveNoAdministrator => l["This would leave the firm without anyone who can manage users. Give another active user that role first."],
            UserChangeOutcome.CannotDisableYourself => l["You cannot disable your own account."],
            _ => l["Something went wrong. Please try again."],
        });
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync(bool keepPostedRoles = false)
    {
        var account = await users.FindByIdAsync(Id.ToString());
        if (account is null)
        {
            return false;
        }

        Account = account;
        Sessions = await sessions.OpenAsync(account.Id);
        Roles = await RoleOption.AllAsync(db);
        BackupUserId = account.BackupUserId;
        Colleagues = [.. (await UserOptions.ActiveAsync(db)).Where(u => u.Id != account.Id)];
        if (!keepPostedRoles)
        {
            RoleIds = await db.UserRoles.Where(ur => ur.UserId == Id).Select(ur => ur.RoleId).ToListAsync();
        }

        return true;
    }
}
