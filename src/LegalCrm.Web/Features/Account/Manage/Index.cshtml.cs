using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Account.Manage;

[AnySignedInUser]
public sealed class IndexModel(CrmDbContext db, CurrentUser me) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string? Email { get; private set; }

    public string FirmName { get; private set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == me.UserId)
            .Select(u => new
            {
                u.DisplayName,
                u.Email,
                u.TwoFactorEnabled,
                Firm = db.Firms.Where(f => f.Id == u.TenantId).Select(f => f.Name).First(),
                Roles = db.Roles.Where(r => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == r.Id)).OrderBy(r => r.Name).Select(r => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync();
        if (account is null)
        {
            return NotFound();
        }

        (DisplayName, Email, FirmName, TwoFactorEnabled, Roles) = (account.DisplayName, account.Email, account.Firm, account.TwoFactorEnabled, account.Roles);
        return Page();
    }
}
