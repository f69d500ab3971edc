using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Dashboard;

/// <summary>
/// Where every working day starts. For now: who you are, what you may administer, and your account's recent sign-ins
/// (so you notice one that was not you). Later features add their "due today" sections here.
/// </summary>
[AnySignedInUser]
public sealed class IndexModel(CrmDbContext db, CurrentUser me) : PageModel
{
    private static readonly string[] SignInActions =
        [AuditActions.SignInSucceeded, AuditActions.SignInFailed, AuditActions.SignInLockedOut, AuditActions.SignInTwoFactorFailed];

    public string DisplayName => me.DisplayName ?? string.Empty;

    public string FirmName { get; private set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    public List<(string Href, string Text)> AdminLinks { get; } = [];

    public IReadOnlyList<SignInRow> RecentSignIns { get; private set; } = [];

    public async Task OnGetAsync()
    {
        FirmName = await db.Firms.Select(f => f.Name).SingleAsync();
        TwoFactorEnabled = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.TwoFactorEnabled).SingleAsync();
        RecentSignIns = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == me.UserId && SignInActions.Contains(a.Action))
            .OrderByDescending(a => a.OccurredAt)
            .Take(5)
            .Select(a => new SignInRow(a.OccurredAt, a.Action, a.IpAddress))
            .ToListAsync();

        if (me.Has(Permissions.AdminUsers))
        {
            AdminLinks.Add(("/Access/Users", "Users"));
            AdminLinks.Add(("/Access/Users/Invite", "Invite a user"));
        }

        if (me.Has(Permissions.AdminAudit))
        {
            AdminLinks.Add(("/Audit", "Audit trail"));
        }

        if (me.Has(Permissions.AdminSettings))
        {
            AdminLinks.Add(("/Access/Settings", "Firm settings"));
        }
    }

    public sealed record SignInRow(DateTimeOffset OccurredAt, string Action, string? IpAddress);
}
