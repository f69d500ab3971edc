using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Tasks;

/// <summary>One task: what, for whom, by when; its comments; start, complete, reopen or cancel it.</summary>
[RequirePermission(Permissions.TasksRead)]
public sealed class DetailsModel(CrmDbContext db, WorkTaskAccess tasks, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public WorkTask Task { get; private set; } = null!;

    public string? AssigneeName { get; private set; }

    public string? DossierLabel { get; private set; }

    public string? ContactName { get; private set; }

    public IReadOnlyList<WorkTaskComment> Comments { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public bool Overdue => !Task.IsClosed && Task.DueDate < AmsterdamTime.Today(clock);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostStartAsync() => ChangeStatusAsync(WorkTaskStatus.InProgress, l["The task is in progress."]);

    public Task<IActionResult> OnPostCompleteAsync() => ChangeStatusAsync(WorkTaskStatus.Done, l["The task is done."]);

    public Task<IActionResult> OnPostReopenAsync() => ChangeStatusAsync(WorkTaskStatus.Open, l["The task is open again."]);

    public Task<IActionResult> OnPostCancelAsync() => ChangeStatusAsync(WorkTaskStatus.Cancelled, l["The task has been cancelled."]);

    public async Task<IActionResult> OnPostCommentAsync(string? text)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            ModelState.AddModelError(string.Empty, l["Write a comment of at most 4000 characters."]);
            return Page();
        }

        db.WorkTaskComments.Add(new WorkTaskComment { TaskId = Id, AuthorUserId = me.UserId, AuthorName = me.DisplayName ?? me.ActorName, Text = text.Trim(), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return RedirectToPage(new { Id });
    }

    private async Task<IActionResult> ChangeStatusAsync(WorkTaskStatus to, LocalizedString done)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!CanWrite)
        {
            return Forbid();
        }

        var task = await db.WorkTasks.SingleAsync(t => t.Id == Id);
        if (task.Status == to)
        {
            return RedirectToPage(new { Id });
        }

        var now = clock.GetUtcNow();
        task.Status = to;
        task.CompletedAt = to == WorkTaskStatus.Done ? now : null;
        task.CompletedBy = to == WorkTaskStatus.Done ? me.DisplayName ?? me.ActorName : null;
        task.UpdatedAt = now;
        await db.SaveChangesAsync();
        TempData["Status"] = done.Value;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync()
    {
        if (await tasks.FindAsync(Id) is not { } task)
        {
            return false;
        }

        Task = task;
        CanWrite = await tasks.CanWriteAsync(task.DossierId);
        AssigneeName = task.AssigneeUserId is { } user
            ? await db.Users.Where(u => u.Id == user).Select(u => u.DisplayName).SingleOrDefaultAsync()
            : await db.Teams.Where(t => t.Id == task.AssigneeTeamId).Select(t => t.Name).SingleOrDefaultAsync();
        DossierLabel = task.DossierId is { } dossier ? await db.Dossiers.Where(d => d.Id == dossier).Select(d => d.Number + " · " + d.Title).SingleOrDefaultAsync() : null;
        ContactName = task.ContactId is { } contact && me.Has(Permissions.ClientsRead) ? await db.Contacts.Where(c => c.Id == contact).Select(c => c.DisplayName).SingleOrDefaultAsync() : null;
        Comments = await db.WorkTaskComments.AsNoTracking().Where(c => c.TaskId == Id).OrderBy(c => c.CreatedAt).ToListAsync();
        return true;
    }
}
