using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Shared;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Tasks;

/// <summary>
/// "My tasks", "my teams' tasks" or all one may see; open ones by due date (overdue first and marked), filtered by
/// assignee. Selected tasks can be handed to someone else at once — what a leaver's work needs.
/// </summary>
[RequirePermission(Permissions.TasksRead)]
public sealed class IndexModel(CrmDbContext db, WorkTaskAccess tasks, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>"team" for my teams' tasks, "all" for every task I may see; otherwise mine.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    /// <summary>"done" for finished tasks; otherwise open and in progress.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>Only the tasks of this colleague (with scope "all"), e.g. someone who is leaving.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? For { get; set; }

    [BindProperty(SupportsGet = true, Name = PagerModel.QueryKey)]
    public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }

    public PageOf<Row> Tasks { get; private set; } = new([], 1, Paging.DefaultPageSize, false);

    public IReadOnlyList<(Guid Id, string Name)> Colleagues { get; private set; } = [];

    public bool CanWrite => me.Has(Permissions.TasksWrite);

    public async Task OnGetAsync()
    {
        Today = AmsterdamTime.Today(clock);
        Colleagues = await UserOptions.ActiveAsync(db);
        var user = me.UserId ?? Guid.Empty;
        var teams = me.TeamIds;
        var query = tasks.Visible();
        query = Scope switch
        {
            "team" => query.Where(t => t.AssigneeTeamId != null && teams.Contains(t.AssigneeTeamId.Value)),
            "all" when For is { } colleague => query.Where(t => t.AssigneeUserId == colleague),
            "all" => query,
            _ => query.Where(t => t.AssigneeUserId == user),
        };
        query = Show == "done"
            ? query.Where(t => t.Status == WorkTaskStatus.Done || t.Status == WorkTaskStatus.Cancelled)
            : query.Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.InProgress);
        var ordered = Show == "done"
            ? query.OrderByDescending(t => t.CompletedAt).ThenByDescending(t => t.UpdatedAt).ThenBy(t => t.Id)
            : query.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenByDescending(t => t.Priority).ThenBy(t => t.Id);
        Tasks = await ordered.Select(t => t.Id).ToPageAsync(PageNumber, ids => db.WorkTasks.AsNoTracking().Where(t => ids.Contains(t.Id))
                .Select(t => new Row(
                    t.Id, t.Title, t.DueDate, t.Priority, t.Status,
                    t.AssigneeUserId != null ? db.Users.Where(u => u.Id == t.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault() : db.Teams.Where(x => x.Id == t.AssigneeTeamId).Select(x => x.Name).FirstOrDefault(),
                    t.DossierId,
                    db.Dossiers.Where(d => d.Id == t.DossierId).Select(d => d.Number).FirstOrDefault()))
                .ToListAsync(),
            row => row.Id);
    }

    /// <summary>Hands the selected tasks to a colleague (only tasks the user may see; every change audited).</summary>
    public async Task<IActionResult> OnPostReassignAsync(List<Guid> ids, Guid? to)
    {
        if (!CanWrite)
        {
            return Forbid();
        }

        if (to is not { } target || !await db.Users.AnyAsync(u => u.Id == target && u.DisabledAt == null))
        {
            TempData["Status"] = l["Choose the colleague who takes over the tasks."].Value;
            return RedirectToPage(new { Scope, Show, For });
        }

        var now = clock.GetUtcNow();
        var chosen = await tasks.Visible().AsTracking().Where(t => ids.Contains(t.Id) && t.Status != WorkTaskStatus.Done && t.Status != WorkTaskStatus.Cancelled).ToListAsync();
        foreach (var task in chosen)
        {
            (task.AssigneeUserId, task.AssigneeTeamId, task.UpdatedAt) = (target, null, now);
        }

        await db.SaveChangesAsync();
        TempData["Status"] = l["{0} tasks have been handed over.", chosen.Count].Value;
        return RedirectToPage(new { Scope, Show, For });
    }

    public sealed record Row(Guid Id, string Title, DateOnly? DueDate, WorkTaskPriority Priority, WorkTaskStatus Status, string? Assignee, Guid? DossierId, string? DossierNumber);
}
