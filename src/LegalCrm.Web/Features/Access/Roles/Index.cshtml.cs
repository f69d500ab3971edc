using LegalCrm.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Roles;

/// <summary>The firm's roles with what they grant and who holds them; a new role starts empty or as a copy of another.</summary>
[RequirePermission(Permissions.AdminRoles)]
public sealed class IndexModel(CrmDbContext db, RoleAdministration roles, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public Guid? CopyOf { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var (outcome, role) = await roles.CreateAsync(Name, Description, CopyOf, HttpContext.RequestAborted);
        if (outcome == RoleChangeOutcome.Done)
        {
            TempData["Status"] = l["Role {0} has been created. Choose what it may do.", role!.Name!].Value;
            return RedirectToPage("Edit", new { id = role.Id });
        }

        RoleMessages.AddTo(ModelState, outcome, l);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Roles = await db.Roles.AsNoTracking()
            .OrderBy(r => r.Name)
            .Select(r => new RoleRow(
                r.Id,
                r.Name!,
                r.Description,
                r.BuiltInKey != null,
                r.Permissions.Count(p => Permissions.Known.Contains(p.Permission)),
                db.UserRoles.Count(ur => ur.RoleId == r.Id && db.Users.Any(u => u.Id == ur.UserId && u.DisabledAt == null))))
            .ToListAsync();

    public sealed record RoleRow(Guid Id, string Name, string? Description, bool BuiltIn, int PermissionCount, int ActiveHolders);
}
