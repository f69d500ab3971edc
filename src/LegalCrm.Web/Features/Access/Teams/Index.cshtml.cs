using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Access.Teams;

/// <summary>
/// Teams: named groups of users, added to dossiers as a whole (and walled off as a whole). A change in membership
/// changes who sees those dossiers on the next request, so removing a leaver here takes effect at once.
/// </summary>
[RequirePermission(Permissions.AdminUsers)]
public sealed class IndexModel(CrmDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public PageOf<TeamRow> Teams { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public IReadOnlyList<(Guid Id, string Name)> Users { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? description)
    {
        name = name?.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            ModelState.AddModelError("name", l["Give the team a name (at most 100 characters)."]);
        }
        else if (await db.Teams.AnyAsync(t => t.Name == name))
        {
            ModelState.AddModelError("name", l["There is already a team with this name."]);
        }

        if (description?.Length > 500)
        {
            ModelState.AddModelError("description", l["{0} can be at most {1} characters long.", l["Description"], 500]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.Teams.Add(new Team { Name = name!, Description = description, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        TempData["Status"] = l["Team {0} has been created. Add its members below.", name!].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddMemberAsync(Guid teamId, Guid userId)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId) || !await db.Users.AnyAsync(u => u.Id == userId && u.DisabledAt == null))
        {
            return NotFound();
        }

        if (!await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId))
        {
            db.TeamMembers.Add(new TeamMember { TeamId = teamId, UserId = userId });
            await db.SaveChangesAsync();
        }

        TempData["Status"] = l["The team has been changed."].Value;
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid teamId, Guid userId)
    {
        var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId);
        if (member is null)
        {
            return NotFound();
        }

        db.TeamMembers.Remove(member);
        await db.SaveChangesAsync();
        TempData["Status"] = l["The team has been changed."].Value;
        return RedirectToPage(new { p = PageNumber });
    }

    /// <summary>Deleting a team takes it off every dossier and wall; the audit trail keeps who was in it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid teamId)
    {
        var team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == teamId);
        if (team is null)
        {
            return NotFound();
        }

        if (await db.EthicalWalls.AnyAsync(w => w.TeamId == teamId))
        {
            ModelState.AddModelError(string.Empty, l["Team {0} is behind an ethical wall. Take the wall down first, so that no one is let through by accident.", team.Name]);
            await LoadAsync();
            return Page();
        }

        db.DossierTeams.RemoveRange(await db.DossierTeams.Where(t => t.TeamId == teamId).ToListAsync());
        db.Teams.Remove(team);
        await db.SaveChangesAsync();
        TempData["Status"] = l["Team {0} has been deleted.", team.Name].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Users = await UserOptions.ActiveAsync(db);
        Teams = await db.Teams.OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => t.Id).ToPageAsync(PageNumber, async ids =>
            {
                var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.Description, Dossiers = db.DossierTeams.Count(d => d.TeamId == t.Id) }).ToListAsync();
                var members = await db.TeamMembers.AsNoTracking().Where(m => ids.Contains(m.TeamId))
                    .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, u.Id, u.DisplayName }).OrderBy(m => m.DisplayName).ToListAsync();
                return teams.Select(t => new TeamRow(t.Id, t.Name, t.Description, t.Dossiers,
                    members.Where(m => m.TeamId == t.Id).Select(m => (m.Id, m.DisplayName)).ToList())).ToList();
            },
            t => t.Id);
    }

    public sealed record TeamRow(Guid Id, string Name, string? Description, int DossierCount, IReadOnlyList<(Guid Id, string Name)> Members);
}
