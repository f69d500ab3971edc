using LegalCrm.Web.Data;
using LegalCrm.Web.Features.Access;
using LegalCrm.Web.Features.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LegalCrm.Web.Features.Tasks;

/// <summary>
/// A new task — in a dossier (<c>?dossier=</c>), about a contact (<c>?contact=</c>) or on its own — or a change to one
/// (<c>/Tasks/Edit/{id}</c>): what, for whom (a colleague or a team), by when, how urgent.
/// </summary>
[RequirePermission(Permissions.TasksWrite)]
public sealed class EditModel(CrmDbContext db, DossierAccess dossiers, WorkTaskAccess tasks, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Dossier { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Contact { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public WorkTask? Existing { get; private set; }

    /// <summary>What the task is about, shown above the form ("2026-0042 · Ontslag Jansen").</summary>
    public string? Context { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Colleagues { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        Input = Existing is { } t
            ? new InputModel { Title = t.Title, Description = t.Description, Assignee = Assignee.Of(t.AssigneeUserId, t.AssigneeTeamId), DueDate = t.DueDate, Priority = t.Priority, Version = t.Version }
            : new InputModel { Assignee = Assignee.Of(me.UserId, null) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        var title = Input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError("Input.Title", l["Enter what needs to be done."]);
        }
        else if (title.Length > 300)
        {
            ModelState.AddModelError("Input.Title", l["{0} can be at most {1} characters long.", l["Title"], 300]);
        }

        if (Input.Description is { Length: > 4000 })
        {
            ModelState.AddModelError("Input.Description", l["{0} can be at most {1} characters long.", l["Description"], 4000]);
        }

        var (user, team) = Assignee.Parse(Input.Assignee);
        if ((user is null || Colleagues.All(c => c.Id != user)) && (team is null || Teams.All(t => t.Id != team)))
        {
            ModelState.AddModelError("Input.Assignee", l["Choose a colleague or a team."]);
        }

        if (Existing is not null && Existing.Version != Input.Version)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this task in the meantime. Reload the page to see their changes."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var task = Existing is null
            ? new WorkTask { DossierId = Dossier, ContactId = Contact, CreatedAt = now, CreatedBy = me.DisplayName ?? me.ActorName }
            : await db.WorkTasks.SingleAsync(t => t.Id == Existing.Id);
        task.Title = title!;
        task.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        (task.AssigneeUserId, task.AssigneeTeamId) = (user, team);
        task.DueDate = Input.DueDate;
        task.Priority = Input.Priority;
        task.UpdatedAt = now;
        if (Existing is null)
        {
            db.WorkTasks.Add(task);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this task in the meantime. Reload the page to see their changes."]);
            return Page();
        }

        TempData["Status"] = (Existing is null ? l["The task has been added."] : l["The task has been changed."]).Value;
        return Existing is null && task.DossierId is { } dossier ? Redirect($"/Dossiers/{dossier}") : Redirect($"/Tasks/{task.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (Id is { } id)
        {
            Existing = await tasks.FindAsync(id);
            if (Existing is null)
            {
                return NotFound();
            }

            (Dossier, Contact) = (Existing.DossierId, Existing.ContactId);
        }

        if (Dossier is { } dossierId)
        {
            if (await dossiers.FindAsync(dossierId) is not { } dossier)
            {
                return NotFound();
            }

            Context = $"{dossier.Number} · {dossier.Title}";
            Colleagues = await UserOptions.DossierTeamAsync(db, dossierId, enabledOnly: true);
        }
        else
        {
            if (Contact is { } contactId)
            {
                Context = me.Has(Permissions.ClientsRead) ? await db.Contacts.Where(c => c.Id == contactId).Select(c => c.DisplayName).SingleOrDefaultAsync() : null;
                if (Context is null)
                {
                    return NotFound();
                }
            }

            Colleagues = await UserOptions.ActiveAsync(db);
        }

        if (!await tasks.CanWriteAsync(Dossier))
        {
            return Forbid();
        }

        // In a dossier only its own team and teams can take a task: anyone else could not even see it.
        var dossierTeams = db.DossierTeams.Where(t => t.DossierId == Dossier).Select(t => t.TeamId);
        Teams = (await db.Teams.AsNoTracking().Where(t => Dossier == null || dossierTeams.Contains(t.Id)).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync())
            .Select(t => (t.Id, t.Name)).ToList();
        return null;
    }

    public sealed class InputModel
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        /// <summary>"user:{id}" or "team:{id}".</summary>
        public string? Assignee { get; set; }

        public DateOnly? DueDate { get; set; }

        public WorkTaskPriority Priority { get; set; } = WorkTaskPriority.Normal;

        public uint Version { get; set; }
    }
}
