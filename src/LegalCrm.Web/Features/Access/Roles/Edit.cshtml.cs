using LegalCrm.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Roles;

/// <summary>One role: its name and the permissions it grants (a matrix grouped by feature), who holds it, copy and delete.</summary>
[RequirePermission(Permissions.AdminRoles)]
public sealed class EditModel(CrmDbContext db, RoleAdministration roles, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> Granted { get; set; } = [];

    /// <summary>On delete: the role the holders get instead.</summary>
    [BindProperty]
    public Guid? ReassignTo { get; set; }

    public string SavedName { get; private set; } = string.Empty;

    public bool BuiltIn { get; private set; }

    public IReadOnlyList<IGrouping<string, PermissionInfo>> Matrix { get; } = [.. Permissions.All.GroupBy(p => p.Group)];

    public IReadOnlyList<(Guid Id, string Name, bool Disabled)> Holders { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> OtherRoles { get; private set; } = [];

    public bool MayReadAudit => me.Has(Permissions.AdminAudit);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(keepPosted: false) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var outcome = await roles.SaveAsync(Id, Name, Description, Granted, HttpContext.RequestAborted);
        return outcome == RoleChangeOutcome.Done
            ? Saved(l["Role {0} has been saved. Its holders have the new permissions from their next click.", Name!.Trim()])
            : await RefusedAsync(outcome);
    }

    public async Task<IActionResult> OnPostCopyAsync()
    {
        var (outcome, copy) = await roles.CopyAsync(Id, l["copy"], HttpContext.RequestAborted);
        if (outcome != RoleChangeOutcome.Done)
        {
            return await RefusedAsync(outcome);
        }

        TempData["Status"] = l["Role {0} has been created as a copy. Rename it and adjust its permissions.", copy!.Name!].Value;
        return RedirectToPage(new { id = copy.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var name = await db.Roles.Where(r => r.Id == Id).Select(r => r.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }

        var outcome = await roles.DeleteAsync(Id, ReassignTo, HttpContext.RequestAborted);
        if (outcome != RoleChangeOutcome.Done)
        {
            return await RefusedAsync(outcome);
        }

        TempData["Status"] = l["Role {0} has been deleted.", name].Value;
        return RedirectToPage("Index");
    }

    private RedirectToPageResult Saved(string message)
    {
        TempData["Status"] = message;
        return RedirectToPage(new { Id });
    }

    private async Task<IActionResult> RefusedAsync(RoleChangeOutcome outcome)
    {
        if (!await LoadAsync(keepPosted: true))
        {
            return NotFound();
        }

        RoleMessages.AddTo(ModelState, outcome, l);
        return Page();
    }

    private async Task<bool> LoadAsync(bool keepPosted)
    {
        var role = await db.Roles.AsNoTracking()
            .Where(r => r.Id == Id)
            .Select(r => new { r.Name, r.Description, r.BuiltInKey, Permissions = r.Permissions.Select(p => p.Permission).ToList() })
            .SingleOrDefaultAsync();
        if (role is null)
        {
            return false;
        }

        SavedName = role.Name!;
        BuiltIn = role.BuiltInKey is not null;
        if (!keepPosted)
        {
            Name = role.Name;
            Description = role.Description;
            Granted = role.Permissions;
        }

        Holders = (await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == Id))
                .OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName, Disabled = u.DisabledAt != null })
                .ToListAsync())
            .Select(u => (u.Id, u.DisplayName, u.Disabled))
            .ToList();
        OtherRoles = (await db.Roles.AsNoTracking().Where(r => r.Id != Id).OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync())
            .Select(r => (r.Id, r.Name!))
            .ToList();
        return true;
    }
}
