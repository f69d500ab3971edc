using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LegalCrm.Web.Features.Access.Users;

[RequirePermission(Permissions.AdminUsers)]
public sealed class IndexModel(CrmDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public PageOf<UserRow> Users { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public async Task OnGetAsync()
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = LikePattern.Containing(Q.Trim());
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }

        query = Status switch
        {
            "active" => query.Where(u => u.DisabledAt == null && u.PasswordHash != null),
            "invited" => query.Where(u => u.DisabledAt == null && u.PasswordHash == null),
            "disabled" => query.Where(u => u.DisabledAt != null),
            _ => query,
        };

        query = Sort switch
        {
            "name_desc" => query.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Id),
            "email" => query.OrderBy(u => u.Email).ThenBy(u => u.Id),
            "email_desc" => query.OrderByDescending(u => u.Email).ThenBy(u => u.Id),
            "lastsignin" => query.OrderBy(u => u.LastSignInAt).ThenBy(u => u.Id),
            "lastsignin_desc" => query.OrderByDescending(u => u.LastSignInAt).ThenBy(u => u.Id),
            _ => query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
        };

        Users = await query
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email,
                u.DisabledAt != null,
                u.PasswordHash != null,
                u.TwoFactorEnabled,
                u.LastSignInAt,
                db.Roles.Where(r => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == r.Id)).OrderBy(r => r.Name).Select(r => r.Name!).ToList()))
            .ToPageAsync(PageNumber);
    }

    public sealed record UserRow(Guid Id, string DisplayName, string? Email, bool Disabled, bool HasPassword, bool TwoFactor, DateTimeOffset? LastSignInAt, List<string> Roles);
}
